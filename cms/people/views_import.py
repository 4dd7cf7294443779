"""CSV import of walk-ins, under /coordinacion/importar/: upload, preview with duplicates, confirm."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.accounts.models import Participant
from cms.people import selectors_import as selectors
from cms.people import services_import as services
from cms.people.access import coordination_required
from cms.people.forms_desk import ImportUploadForm
from cms.people.models import ImportBatch
from cms.people.selectors import participants_visible_to


@require_http_methods(["GET", "POST"])
@coordination_required
def upload(request):
    centers = selectors.import_centers_for(user=request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None, centers=centers)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        if upload_file.size > services.MAX_BYTES:
            form.add_error("file", _("El archivo pesa más de 2 MB. Divídelo en partes más pequeñas."))
        else:
            try:
                read = services.csv_read(data=upload_file.read(services.MAX_BYTES + 1))
            except services.ImportRefused as refused:
                form.add_error("file", str(refused))
            else:
                batch = services.import_batch_create(
                    owner=request.user, center=form.cleaned_data["center"], filename=upload_file.name, rows=read.rows
                )
                request.session[f"import_errors_{batch.pk}"] = list(read.errors)[:200]
                return redirect("people_import:preview", pk=batch.pk)
    return render(request, "people/import/upload.html", {"form": form, "has_centers": centers.exists()})


def _batch(request, pk: int) -> ImportBatch:
    try:
        return selectors.import_batch_for(user=request.user, pk=pk)
    except ImportBatch.DoesNotExist:
        raise Http404 from None


@require_http_methods(["GET"])
@coordination_required
def preview(request, pk: int):
    batch = _batch(request, pk)
    rows = selectors.import_preview(user=request.user, batch=batch)
    errors = request.session.get(f"import_errors_{batch.pk}", [])
    return render(request, "people/import/preview.html", {"batch": batch, "rows": rows, "errors": errors})


def _choices(request, batch: ImportBatch) -> dict[int, tuple[str, Participant | None]]:
    """The choice posted for each row, re-checked: a "misma" must name a record she may see."""
    wanted = {}
    for index in range(len(batch.rows)):
        value = request.POST.get(f"fila-{index}", services.SKIP)
        kind, _sep, pk = value.partition("-")
        wanted[index] = (kind, int(pk) if kind == services.SAME and pk.isdigit() else None)
    pks = {pk for _kind, pk in wanted.values() if pk}
    existing = {p.pk: p for p in participants_visible_to(user=request.user).filter(pk__in=pks)}
    choices = {}
    for index, (kind, pk) in wanted.items():
        if kind == services.SAME:
            if pk not in existing:
                raise Http404
            choices[index] = (kind, existing[pk])
        else:
            choices[index] = (kind, None)
    return choices


@require_POST
@coordination_required
def confirm(request, pk: int):
    batch = _batch(request, pk)
    result = services.import_batch_confirm(by=request.user, batch=batch, choices=_choices(request, batch))
    request.session.pop(f"import_errors_{pk}", None)
    messages.success(
        request,
        _("Importación lista: %(created)s nuevas, %(linked)s unidas a un registro, %(skipped)s omitidas.")
        % {"created": result.created, "linked": result.linked, "skipped": result.skipped},
    )
    return redirect("people_import:upload")
