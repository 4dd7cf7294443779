"""The coordinator's setup page of a pitch event: entries, calibration sample, the assignment matrix, the
"Asignar jurado" button and the recusals. Plain POST forms and redirects; 404 for anyone who does not
coordinate the event."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from incubator.jury.access import event_for_coordinator_or_404
from incubator.jury.forms import CalibrationForm
from incubator.jury.selectors import setup as selectors
from incubator.jury.services.assignments import EventClosed, assignments_fill
from incubator.jury.services.entries import EntryError, calibration_entry_add, entry_add, entry_remove
from incubator.ventures.models import Venture


def _render(
    request: HttpRequest, event, *, calibration_form: CalibrationForm | None = None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "jury/setup/setup.html",
        {
            "event": event,
            **selectors.setup_overview(event=event),
            "calibration_form": calibration_form or CalibrationForm(),
        },
        status=status,
    )


@login_required
def setup(request: HttpRequest, event_id: int) -> HttpResponse:
    """Preparar el evento: who pitches, who scores what, who recused and why."""
    return _render(request, event_for_coordinator_or_404(user=request.user, event_id=event_id))


@login_required
@require_POST
def entry_add_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    venture_id = request.POST.get("venture", "")
    venture = get_object_or_404(Venture, pk=int(venture_id) if venture_id.isdigit() else 0, cohort=event.cohort)
    try:
        entry = entry_add(event=event, venture=venture, by=request.user)
    except (EventClosed, EntryError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Agregaste «%(name)s» con la versión %(number)s de su plan. El jurado leerá esa versión.")
            % {"name": venture.name, "number": entry.plan_version.number},
        )
    return redirect("jury:setup", event_id=event.pk)


@login_required
@require_POST
def entry_remove_view(request: HttpRequest, event_id: int, entry_id: int) -> HttpResponse:
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    entry = selectors.entry_of_event_or_404(event=event, entry_id=entry_id)
    name = str(entry)
    try:
        entry_remove(event=event, entry=entry, by=request.user)
    except (EventClosed, EntryError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Quitaste «%(name)s» del evento.") % {"name": name})
    return redirect("jury:setup", event_id=event.pk)


@login_required
@require_POST
def calibration_add_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    form = CalibrationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Revisa los campos marcados: lo que escribiste sigue aquí."))
        return _render(request, event, calibration_form=form, status=400)
    try:
        calibration_entry_add(
            event=event, title=form.cleaned_data["title"], text=form.cleaned_data["text"], by=request.user
        )
    except (EventClosed, EntryError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Agregaste el pitch de calibración. Todo el jurado lo califica."))
    return redirect("jury:setup", event_id=event.pk)


@login_required
@require_POST
def assign_view(request: HttpRequest, event_id: int) -> HttpResponse:
    """Asignar jurado: fills the gaps only; says how many more jurors are needed when the pool is too small."""
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    try:
        outcome = assignments_fill(event=event, by=request.user)
    except EventClosed as exc:
        messages.error(request, str(exc))
        return redirect("jury:setup", event_id=event.pk)
    count = len(outcome.created)
    if count:
        messages.success(
            request,
            ngettext("Se hizo %(count)s asignación nueva.", "Se hicieron %(count)s asignaciones nuevas.", count)
            % {"count": count},
        )
    elif not outcome.jurors_needed:
        messages.info(request, _("No hacía falta asignar a nadie más: cada emprendimiento ya tiene su jurado."))
    if outcome.jurors_needed:
        messages.warning(request, outcome.message)
    return redirect("jury:setup", event_id=event.pk)
