"""Juror pages: Mis pitches, the conflict declaration and the score sheet. Plain POST forms and redirects work
without JavaScript; the autosave script only adds comfort. Every page goes through the juror's own
assignments (404 for anything else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from incubator.jury.access import events_coordinated_by
from incubator.jury.forms import CONFLICT, ConflictForm, ScoreSheetForm, level_field_name
from incubator.jury.models import Assignment, PitchEvent
from incubator.jury.selectors import juror as selectors
from incubator.jury.services.assignments import AssignmentError, EventClosed, assignment_declare
from incubator.jury.services.sheets import (
    MissingLevels,
    SheetConflict,
    SheetNotOpen,
    score_sheet_save,
)
from incubator.plans.selectors import plan_sections

CLOSED_MESSAGE = gettext_lazy(
    "El evento está cerrado: las calificaciones ya no cambian. Si hace falta corregir algo, "
    "la coordinación debe reabrirlo."
)


@login_required
def my_pitches(request: HttpRequest) -> HttpResponse:
    """Mis pitches: the juror's entries per event with the state of each sheet (and, for coordinators, a link to
    prepare each event they run)."""
    return render(
        request,
        "jury/juror/my_pitches.html",
        {
            "groups": selectors.my_pitches(user=request.user),
            "coordinated": list(events_coordinated_by(request.user).filter(status=PitchEvent.Status.OPEN)),
        },
    )


@login_required
def conflict(request: HttpRequest, entry_id: int) -> HttpResponse:
    """Before anything of the entry beyond its name: no conflict, or a conflict with a reason (a recusal)."""
    assignment = selectors.assignment_for_or_404(user=request.user, entry_id=entry_id)
    form = ConflictForm(request.POST or None)
    status = 200
    if request.method == "POST" and assignment.status != Assignment.Status.RECUSED:
        if form.is_valid():
            has_conflict = form.cleaned_data["decision"] == CONFLICT
            try:
                assignment_declare(
                    assignment=assignment, conflict=has_conflict, reason=form.cleaned_data["reason"], by=request.user
                )
            except (EventClosed, AssignmentError) as exc:
                messages.error(request, str(exc))
                return redirect("jury:my_pitches")
            if has_conflict:
                messages.success(
                    request,
                    _("Te excusaste de «%(name)s». Gracias por avisar: la coordinación asigna a otra persona.")
                    % {"name": assignment.entry},
                )
                return redirect("jury:my_pitches")
            return redirect("jury:sheet", entry_id=entry_id)
        status = 400
    return render(
        request,
        "jury/juror/conflict.html",
        {
            "assignment": assignment,
            "entry": assignment.entry,
            "event": assignment.entry.event,
            "form": form,
        },
        status=status,
    )


def _sheet_assignment(request: HttpRequest, entry_id: int) -> Assignment:
    assignment = selectors.assignment_for_or_404(user=request.user, entry_id=entry_id)
    if assignment.status == Assignment.Status.RECUSED:
        # A recused juror never sees the entry's plan or sheet again.
        raise Http404
    return assignment


def _initial(page: selectors.JurorSheet) -> dict:
    sheet = getattr(page.assignment, "sheet", None)
    levels = selectors.levels_of(assignment=page.assignment)
    initial = {level_field_name(c): levels.get(c.pk) for c in page.criteria}
    return {
        **initial,
        "revision": sheet.revision if sheet else 0,
        "comment": sheet.comment if sheet else "",
        "private_note": sheet.private_note if sheet else "",
    }


def _render_sheet(
    request: HttpRequest,
    page: selectors.JurorSheet,
    form: ScoreSheetForm | None = None,
    *,
    status: int = 200,
    saved: dict | None = None,
) -> HttpResponse:
    assignment = page.assignment
    entry, event = assignment.entry, assignment.entry.event
    readonly = event.is_closed
    if form is None:
        form = ScoreSheetForm(initial=_initial(page), criteria=page.criteria, readonly=readonly)
    previous, following = selectors.neighbours_of(assignment=assignment)
    context = {
        "assignment": assignment,
        "entry": entry,
        "event": event,
        "form": form,
        "readonly": readonly,
        "sheet": getattr(assignment, "sheet", None),
        "previous": previous,
        "following": following,
        "saved": saved or {},
        "criteria_rows": [
            {"criterion": c, "field": f, "saved": (saved or {}).get(c.pk)} for c, f in form.level_fields()
        ],
        "spread": selectors.calibration_spread(entry=entry, criteria=page.criteria),
    }
    if entry.plan_version_id:
        snapshot = entry.plan_version.snapshot
        context.update(snapshot=snapshot, sections=plan_sections(snapshot["fields"]), results=snapshot["finance"])
    return render(request, "jury/juror/sheet.html", context, status=status)


def _bound(request: HttpRequest, page: selectors.JurorSheet, revision: int) -> ScoreSheetForm:
    data = request.POST.copy()
    data["revision"] = str(revision)
    form = ScoreSheetForm(data, criteria=page.criteria)
    form.is_valid()
    return form


def _conflict_values(page: selectors.JurorSheet, form: ScoreSheetForm, exc: SheetConflict) -> dict:
    """What differs between the juror's copy and the saved sheet, for showing both side by side."""
    saved: dict = {}
    mine = form.levels()
    for c in page.criteria:
        level = exc.levels.get(c.pk)
        if mine.get(c.pk) is not None and level != mine.get(c.pk):
            saved[c.pk] = (
                _("Nivel %(level)s: %(text)s") % {"level": level, "text": dict(c.descriptors)[level]}
                if level
                else _("Sin nivel elegido.")
            )
    for name in ("comment", "private_note"):
        if getattr(exc.sheet, name) != form.cleaned_data[name]:
            saved[name] = getattr(exc.sheet, name)
    return saved


def _saved_at(sheet) -> str:
    return timezone.localtime(sheet.updated_at or timezone.now()).strftime("%H:%M")


# Every refusal of score_sheet_save, in one place: the HTTP status and what the juror reads (the sheet page and
# the autosave script both answer from here).
SHEET_REFUSALS: dict[type[Exception], tuple[int, str]] = {
    EventClosed: (403, CLOSED_MESSAGE),
    SheetNotOpen: (403, gettext_lazy("Primero declara si tienes un conflicto de interés con este emprendimiento.")),
    SheetConflict: (
        409,
        gettext_lazy("Esta hoja se guardó en otro lugar. Pulsa «Guardar» para ver las dos versiones y elegir."),
    ),
    MissingLevels: (400, gettext_lazy("Falta elegir un nivel en algunos criterios. Lo que marcaste quedó guardado.")),
}
SHEET_ERRORS = tuple(SHEET_REFUSALS)


def _sheet_refused(request: HttpRequest, page: selectors.JurorSheet, exc: Exception) -> HttpResponse:
    """The sheet page after a refusal: the conflict declaration, both versions side by side, or the form again."""
    status, message = SHEET_REFUSALS[type(exc)]
    if isinstance(exc, SheetNotOpen):
        return redirect("jury:conflict", entry_id=page.assignment.entry_id)
    if isinstance(exc, SheetConflict):
        form = _bound(request, page, exc.sheet.revision)
        return _render_sheet(request, page, form, status=status, saved=_conflict_values(page, form, exc))
    messages.error(request, message)
    if isinstance(exc, MissingLevels):
        form = _bound(request, page, exc.sheet.revision)
        for criterion in exc.criteria:
            form.add_error(level_field_name(criterion), _("Elige un nivel para este criterio antes de enviar."))
        return _render_sheet(request, page, form, status=status)
    return _render_sheet(request, page, status=status)


def _save(request: HttpRequest, page: selectors.JurorSheet, form: ScoreSheetForm, *, submit: bool = False):
    return score_sheet_save(
        assignment=page.assignment,
        by=request.user,
        levels=form.levels(),
        comment=form.cleaned_data["comment"],
        private_note=form.cleaned_data["private_note"],
        base_revision=form.cleaned_data["revision"],
        submit=submit,
    )


@login_required
def sheet(request: HttpRequest, entry_id: int) -> HttpResponse:
    """The score sheet of one entry: the frozen plan, every criterion with its descriptors, comment and note."""
    assignment = _sheet_assignment(request, entry_id)
    if assignment.status == Assignment.Status.PENDING:
        return redirect("jury:conflict", entry_id=entry_id)
    page = selectors.juror_sheet_of(assignment=assignment)
    if request.method != "POST":
        return _render_sheet(request, page)
    if assignment.entry.event.is_closed:
        return _sheet_refused(request, page, EventClosed())
    form = ScoreSheetForm(request.POST, criteria=page.criteria)
    if not form.is_valid():
        messages.error(request, _("Revisa los campos marcados: lo que escribiste sigue aquí."))
        return _render_sheet(request, page, form, status=400)
    submit = request.POST.get("accion") == "enviar"
    try:
        saved = _save(request, page, form, submit=submit)
    except SHEET_ERRORS as exc:
        return _sheet_refused(request, page, exc)
    if submit:
        messages.success(request, _("Enviaste tu calificación de «%(name)s».") % {"name": assignment.entry})
    else:
        messages.success(request, _("Guardado a las %(time)s.") % {"time": _saved_at(saved)})
    return redirect("jury:sheet", entry_id=entry_id)


@login_required
@require_POST
def sheet_autosave(request: HttpRequest, entry_id: int) -> JsonResponse:
    """The autosave script posts the whole sheet form here a few seconds after a change; it never submits."""
    page = selectors.juror_sheet_of(assignment=_sheet_assignment(request, entry_id))
    form = ScoreSheetForm(request.POST, criteria=page.criteria)
    if not form.is_valid():
        return JsonResponse(
            {"ok": False, "message": _("Hay datos por corregir. Pulsa «Guardar» para ver cuáles.")}, status=400
        )
    try:
        saved = _save(request, page, form)
    except SHEET_ERRORS as exc:
        status, message = SHEET_REFUSALS[type(exc)]
        answer = {"ok": False, "message": str(message)}
        return JsonResponse({**answer, "conflict": True} if isinstance(exc, SheetConflict) else answer, status=status)
    return JsonResponse(
        {"ok": True, "revision": saved.revision, "message": _("Guardado a las %(time)s") % {"time": _saved_at(saved)}}
    )
