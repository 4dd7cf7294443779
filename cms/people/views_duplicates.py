"""Duplicate review pages, under /coordinacion/duplicados/ (phone-sized, no JavaScript needed)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cms.accounts.models import Participant
from cms.people import selectors_duplicates as selectors
from cms.people import services_merge as services
from cms.people.access import coordination_required
from cms.people.models import DuplicateHint


def _back(scan: bool = True):
    url = reverse("duplicates:index")
    return redirect(f"{url}?buscar=1" if scan else url)


def _pair(request) -> tuple[Participant, Participant]:
    try:
        return selectors.pair_for(user=request.user, a_id=int(request.POST["a"]), b_id=int(request.POST["b"]))
    except (KeyError, ValueError, Participant.DoesNotExist):
        raise Http404 from None


@require_GET
@coordination_required
def index(request):
    scan = request.GET.get("buscar") == "1"
    context = {
        "hints": selectors.duplicate_hints_for(user=request.user),
        "merged": selectors.merged_records_for(user=request.user),
        "scan": scan,
        "pairs": selectors.duplicate_pairs_for(user=request.user) if scan else [],
    }
    return render(request, "people/duplicates/index.html", context)


@require_POST
@coordination_required
def merge(request):
    a, b = _pair(request)
    try:
        survivor = services.participant_merge(by=request.user, a=a, b=b)
    except services.MergeRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Listo: ahora es un solo registro, «%(name)s». Puedes deshacerlo en «Uniones recientes».")
            % {"name": survivor.full_name},
        )
    return _back()


@require_POST
@coordination_required
def not_same(request):
    a, b = _pair(request)
    services.not_same_mark(by=request.user, a=a, b=b)
    messages.success(request, _("Anotado: son personas distintas. No te las volveremos a proponer."))
    return _back()


@require_POST
@coordination_required
def unmerge(request, pk: int):
    try:
        merged = selectors.merged_record_for(user=request.user, pk=pk)
    except Participant.DoesNotExist:
        raise Http404 from None
    try:
        services.participant_unmerge(by=request.user, merged=merged)
    except services.MergeRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Unión deshecha: vuelven a ser dos registros."))
    return _back(scan=False)


@require_POST
@coordination_required
def hint_answer(request, pk: int):
    try:
        hint = selectors.hint_for(user=request.user, pk=pk)
    except DuplicateHint.DoesNotExist:
        raise Http404 from None
    try:
        if request.POST.get("answer") == "unir":
            services.hint_merge(by=request.user, hint=hint)
            messages.success(request, _("Listo: la cuenta nueva y el registro son ahora uno solo."))
        else:
            services.hint_dismiss(by=request.user, hint=hint)
            messages.success(request, _("Anotado: son personas distintas."))
    except services.MergeRefused as refused:
        messages.error(request, str(refused))
    return _back(scan=False)
