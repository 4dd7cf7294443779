"""Results pages for coordinators (ranking, "cómo se calculó", audit log; close, reopen, deliberate, withdraw)
and the jurors' read-only results after close. Plain POST forms and redirects: they work without JavaScript.
Anyone who may not see an event gets 404."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from incubator.jury.access import event_for_coordinator_or_404
from incubator.jury.models import Award
from incubator.jury.selectors import results as selectors
from incubator.jury.services.awards import award_withdraw
from incubator.jury.services.results import ResultsError, deliberation_resolve, event_close, event_reopen


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motivo"),
        max_length=300,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": gettext_lazy("Escribe el motivo.")},
    )


def _back(event_id: int) -> HttpResponse:
    return redirect("jury:results", event_id=event_id)


def _refused(request: HttpRequest, exc: ResultsError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def results(request: HttpRequest, event_id: int) -> HttpResponse:
    """Ranking, method, flags, winners and reserve, with the close / reopen / withdraw forms."""
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    return render(
        request,
        "jury/results/results.html",
        {
            "event": event,
            "page": selectors.results_page(event=event),
            "reason_form": ReasonForm(),
        },
    )


@login_required
def explain(request: HttpRequest, event_id: int) -> HttpResponse:
    """Cómo se calculó: every step with the actual numbers."""
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    return render(request, "jury/results/explain.html", {"event": event, "page": selectors.explain_page(event=event)})


@login_required
def audit(request: HttpRequest, event_id: int) -> HttpResponse:
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    return render(request, "jury/results/audit.html", {"event": event, "lines": selectors.audit_log(event=event)})


@login_required
@require_POST
def close(request: HttpRequest, event_id: int) -> HttpResponse:
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    try:
        allocation = event_close(event=event, by=request.user)
    except ResultsError as exc:
        _refused(request, exc)
    else:
        winners = len(allocation.winners)
        messages.success(
            request,
            ngettext(
                "El evento quedó cerrado: %(winners)s emprendimiento recibe capital semilla.",
                "El evento quedó cerrado: %(winners)s emprendimientos reciben capital semilla.",
                winners,
            )
            % {"winners": winners},
        )
    return _back(event.pk)


@login_required
@require_POST
def reopen(request: HttpRequest, event_id: int) -> HttpResponse:
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Escribe el motivo para reabrir el evento."))
        return _back(event.pk)
    try:
        event_reopen(event=event, by=request.user, reason=form.cleaned_data["reason"])
    except ResultsError as exc:
        _refused(request, exc)
    else:
        messages.success(
            request, _("El evento está abierto de nuevo. Los resultados se calculan otra vez al cerrarlo.")
        )
    return _back(event.pk)


@login_required
@require_POST
def deliberate(request: HttpRequest, event_id: int) -> HttpResponse:
    """The jury's order for one tie: `order` repeated, best first, and a reason."""
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    order = request.POST.getlist("order")
    if not all(value.isdigit() for value in order):
        raise Http404
    try:
        deliberation_resolve(
            event=event, order=[int(v) for v in order], by=request.user, reason=request.POST.get("reason", "")
        )
    except ResultsError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Se guardó el orden que decidió el jurado."))
    return _back(event.pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, event_id: int, award_id: int) -> HttpResponse:
    event = event_for_coordinator_or_404(user=request.user, event_id=event_id)
    award = Award.objects.select_related("entry__event").filter(pk=award_id, entry__event=event).first()
    if award is None:
        raise Http404
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Escribe el motivo del retiro."))
        return _back(event.pk)
    try:
        promoted = award_withdraw(award=award, by=request.user, reason=form.cleaned_data["reason"])
    except ResultsError as exc:
        _refused(request, exc)
    else:
        if promoted:
            messages.success(
                request,
                _("Se registró el retiro. Sube desde la reserva: %(ventures)s.")
                % {"ventures": ", ".join(str(a.entry) for a in promoted)},
            )
        else:
            messages.success(request, _("Se registró el retiro. Nadie de la reserva cabe en el presupuesto que queda."))
    return _back(event.pk)


@login_required
def juror_results(request: HttpRequest, event_id: int) -> HttpResponse:
    """For the event's jurors, after close only: their own total next to the panel's average, per entry."""
    event = selectors.event_for_juror_after_close_or_404(user=request.user, event_id=event_id)
    return render(
        request,
        "jury/results/juror.html",
        {
            "event": event,
            "rows": selectors.juror_results(event=event, user=request.user),
        },
    )
