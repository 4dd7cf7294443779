"""Cohort pages: apply, a person's seat and catch-up list, the coordinators' intake pages, the board.
They work without JavaScript: plain POST forms and redirects."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from incubator.cohorts import board as cohort_board
from incubator.cohorts import selectors, services
from incubator.cohorts.forms import ApplyForm, DropoutForm
from incubator.cohorts.models import CatchUpItem, Cohort, Participation


def _managed_cohort_or_404(request, pk: int) -> Cohort:
    """The cohort if this person coordinates it (404 otherwise: its pages are not revealed)."""
    cohort = get_object_or_404(Cohort, pk=pk)
    if not selectors.is_cohort_coordinator(user=request.user, cohort=cohort):
        raise Http404
    return cohort


@login_required
def cohort_list(request):
    cohorts = list(selectors.cohorts_open())
    mine = {p.cohort_id: p for p in Participation.objects.filter(user=request.user)}
    rows = [(c, mine.get(c.pk)) for c in cohorts]
    return render(request, "cohorts/cohort_list.html", {"rows": rows})


@login_required
def cohort_apply(request, pk: int):
    cohort = get_object_or_404(Cohort, pk=pk)
    if selectors.participation_of(cohort=cohort, user=request.user):
        return redirect("cohorts:my_seat", pk=cohort.pk)
    eligibility = selectors.cohort_eligibility(cohort=cohort, user=request.user)
    form = ApplyForm(request.POST or None)
    if request.method == "POST" and eligibility.eligible and form.is_valid():
        try:
            services.participation_apply(cohort=cohort, user=request.user, motivation=form.cleaned_data["motivation"])
        except services.IntakeError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("Recibimos tu postulación. Te avisaremos la respuesta."))
            return redirect("cohorts:my_seat", pk=cohort.pk)
    return render(request, "cohorts/apply.html", {"cohort": cohort, "eligibility": eligibility, "form": form})


def _my_participation_or_404(request, pk: int) -> Participation:
    p = (
        Participation.objects.select_related("cohort")
        .prefetch_related("catch_up_items")
        .filter(cohort_id=pk, user=request.user)
        .first()
    )
    if p is None:
        raise Http404
    return p


@login_required
def my_seat(request, pk: int):
    participation = _my_participation_or_404(request, pk)
    return render(
        request,
        "cohorts/my_seat.html",
        {
            "participation": participation,
            "cohort": participation.cohort,
            "items": list(participation.catch_up_items.all()),
        },
    )


@login_required
@require_POST
def offer_respond(request, pk: int):
    participation = _my_participation_or_404(request, pk)
    accept = request.POST.get("respuesta") == "aceptar"
    try:
        services.seat_offer_respond(participation=participation, accept=accept, user=request.user)
    except services.IntakeError as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            _("¡Bienvenida(o)! Ya tienes tu cupo.") if accept else _("Listo. Liberamos el cupo para otra persona."),
        )
    return redirect("cohorts:my_seat", pk=pk)


@login_required
@require_POST
def catch_up_tick(request, pk: int, item_id: int):
    participation = _my_participation_or_404(request, pk)
    item = get_object_or_404(CatchUpItem, pk=item_id, participation=participation)
    services.catch_up_tick(item=item, user=request.user, done=request.POST.get("hecha") == "1")
    return redirect("cohorts:my_seat", pk=pk)


@login_required
def applications(request, pk: int):
    cohort = _managed_cohort_or_404(request, pk)
    return render(
        request,
        "cohorts/applications.html",
        {
            "cohort": cohort,
            "apps": selectors.cohort_applications(cohort=cohort),
        },
    )


@login_required
@require_POST
def decide(request, pk: int, pid: int):
    cohort = _managed_cohort_or_404(request, pk)
    participation = get_object_or_404(Participation, pk=pid, cohort=cohort)
    try:
        services.participation_decide(
            participation=participation, decision=request.POST.get("decision", ""), actor=request.user
        )
    except services.IntakeError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Decisión guardada."))
    return redirect("cohorts:applications", pk=cohort.pk)


@login_required
def dropout(request, pk: int, pid: int):
    cohort = _managed_cohort_or_404(request, pk)
    participation = get_object_or_404(
        Participation.objects.select_related("user"), pk=pid, cohort=cohort, status=Participation.Status.ACCEPTED
    )
    form = DropoutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        offered = services.participation_drop(participation=participation, actor=request.user, **form.cleaned_data)
        if offered:
            messages.success(
                request,
                _("Retiro registrado. Ofrecimos el cupo a %(name)s.")
                % {"name": offered.user.get_full_name() or offered.user.username},
            )
        else:
            messages.success(request, _("Retiro registrado. No hay nadie en la lista de reserva."))
        return redirect("cohorts:applications", pk=cohort.pk)
    return render(request, "cohorts/dropout.html", {"cohort": cohort, "participation": participation, "form": form})


@login_required
def board(request, pk: int):
    cohort = get_object_or_404(Cohort, pk=pk)
    access = cohort_board.board_access(cohort=cohort, user=request.user)
    if access is None:
        raise Http404
    rows = cohort_board.cohort_board_rows(cohort, request.user)
    cohort_board.board_columns_fill(cohort=cohort, rows=rows)
    return render(request, "cohorts/board.html", {"cohort": cohort, "rows": rows, "access": access})
