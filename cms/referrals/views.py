"""Referral pages, phone-sized and without JavaScript: coordination, partner organisations, the person.

Every page answers 404 to whoever may not see the referral (another organisation, after it closed, another
programme's coordinator, a mentor...), never a 403 that tells it exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.accounts.models import Participant
from cms.accounts.roles import Role, has_role
from cms.forms_flow import handle_action, handle_form
from cms.people.models import Purpose
from cms.people.selectors import consent_given, participant_for, participants_visible_to
from cms.referrals import selectors, services
from cms.referrals.forms import FilterForm, NoteForm, ReferralForm, RejectForm
from cms.referrals.models import Referral
from cms.referrals.selectors import Clock

PAGE_SIZE = 50


@dataclass(frozen=True)
class Row:
    referral: Referral
    clock: Clock


def _coordination(request) -> None:
    if not has_role(request.user, Role.COORDINATOR, Role.ADMIN):
        raise Http404


def _partner(request) -> None:
    if not has_role(request.user, Role.PARTNER):
        raise Http404


def _referral(request, pk: int) -> Referral:
    _coordination(request)
    try:
        return selectors.referral_for(user=request.user, pk=pk)
    except Referral.DoesNotExist as exc:
        raise Http404 from exc


def _partner_referral(request, pk: int) -> Referral:
    _partner(request)
    try:
        return selectors.referral_for_partner(user=request.user, pk=pk)
    except Referral.DoesNotExist as exc:
        raise Http404 from exc


def _rows(referrals) -> list[Row]:
    return [Row(referral, selectors.referral_clock(referral)) for referral in referrals]


# --- coordination ---------------------------------------------------------------------------------------


@login_required
def referral_list(request):
    """Derivaciones: filters by state, service and lateness; the overdue figure on top."""
    _coordination(request)
    filters = FilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    referrals = selectors.referrals_list(
        user=request.user,
        state=data.get("estado", ""),
        service_type=data.get("servicio", ""),
        overdue=bool(data.get("atrasadas")),
    )
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "referrals/list.html",
        {
            "filters": filters,
            "rows": _rows(page.object_list),
            "page": page,
            "query": query.urlencode(),
            "overdue_count": selectors.referrals_overdue(user=request.user).count(),
            "accept_days": selectors.accept_days(),
            "attend_days": selectors.attend_days(),
        },
    )


def _participant_from_query(request) -> Participant | None:
    raw = request.GET.get("participante", "")
    if not raw.isdigit():
        return None
    try:
        return participant_for(user=request.user, pk=int(raw))
    except Participant.DoesNotExist as exc:
        raise Http404 from exc


@login_required
@require_http_methods(["GET", "POST"])
def referral_create(request):
    """Nueva derivación: for a participant she can see (?participante=<id> chooses her); consent on the form."""
    _coordination(request)
    chosen = _participant_from_query(request)
    initial = {"participant": chosen.pk, "contact": chosen.phone} if chosen else {}
    form = ReferralForm(
        request.POST or None,
        initial=initial,
        participants=participants_visible_to(user=request.user),
        services=selectors.partner_services(),
    )

    def invalid(form):
        return render(
            request,
            "referrals/create.html",
            {"form": form, "consent_text": selectors.referral_consent_text()},
            status=400 if form.is_bound else 200,
        )

    if request.method == "GET":
        return invalid(form)
    send = request.POST.get("accion") != ReferralForm.DRAFT

    def start(data):
        service = data["service"]
        return services.referral_start(
            by=request.user,
            participant=data["participant"],
            organisation=service.organisation,
            service_type=service.service_type,
            need=data["need"],
            contact=data["contact"],
            consent=data["consent"],
            send=send,
        )

    return handle_form(
        request,
        form,
        service=start,
        success_url=lambda referral: reverse("referrals:detail", args=[referral.pk]),
        success_message=_("Derivación enviada.") if send else _("Derivación guardada como borrador."),
        invalid=invalid,
    )


@login_required
def referral_detail(request, pk: int):
    """One referral for coordination: what, to whom, the clock, the log and the next actions."""
    referral = _referral(request, pk)
    consent = consent_given(participant=referral.participant, purpose=Purpose.REFERRAL, scope=referral.consent_scope)
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "clock": selectors.referral_clock(referral),
            "events": selectors.referral_events(referral=referral),
            "consent": consent,
            "note_form": NoteForm(),
            "State": Referral.State,
        },
    )


def _coordination_action(request, pk: int, service, message: str):
    referral = _referral(request, pk)
    note = request.POST.get("note", "")[:300]
    kwargs = {"note": note} if service is not services.referral_send else {}
    return handle_action(
        request,
        service=lambda: service(by=request.user, referral=referral, **kwargs),
        success_url=reverse("referrals:detail", args=[referral.pk]),
        success_message=message,
        refused=services.ReferralError,
    )


@login_required
@require_POST
def referral_send(request, pk: int):
    return _coordination_action(request, pk, services.referral_send, _("Derivación enviada."))


@login_required
@require_POST
def referral_close(request, pk: int):
    return _coordination_action(request, pk, services.referral_close, _("Derivación cerrada."))


@login_required
@require_POST
def referral_revoke(request, pk: int):
    return _coordination_action(request, pk, services.referral_revoke, _("Derivación revocada."))


@login_required
def participant_referrals(request, participant_pk: int):
    """The referrals of one person (linked from her page in the registry)."""
    _coordination(request)
    try:
        participant = participant_for(user=request.user, pk=participant_pk)
    except Participant.DoesNotExist as exc:
        raise Http404 from exc
    referrals = selectors.referrals_for_participant(user=request.user, participant=participant)
    return render(request, "referrals/participant.html", {"participant": participant, "rows": _rows(referrals)})


# --- partner organisation -------------------------------------------------------------------------------


@login_required
def partner_list(request):
    """Derivaciones recibidas: the open referrals sent to her organisation, only service, first name, state."""
    _partner(request)
    referrals = selectors.referrals_for_partner(user=request.user)
    return render(request, "referrals/partner_list.html", {"rows": _rows(referrals)})


@login_required
def partner_detail(request, pk: int):
    """The minimum to help her: first name, the contact she chose, what she needs. The read is logged."""
    referral = _partner_referral(request, pk)
    services.referral_partner_read_log(reader=request.user, referral=referral)
    return render(
        request,
        "referrals/partner_detail.html",
        {"referral": referral, "reject_form": RejectForm(), "State": Referral.State},
    )


def _partner_action(request, pk: int, service, message: str):
    referral = _partner_referral(request, pk)
    return handle_action(
        request,
        service=lambda: service(by=request.user, referral=referral),
        success_url=reverse("referrals:partner_detail", args=[referral.pk]),
        success_message=message,
        refused=services.ReferralError,
    )


@login_required
@require_POST
def partner_accept(request, pk: int):
    return _partner_action(request, pk, services.referral_accept, _("Aceptaste la derivación."))


@login_required
@require_POST
def partner_attend(request, pk: int):
    return _partner_action(request, pk, services.referral_attend, _("Marcaste que recibió el servicio."))


@login_required
@require_http_methods(["GET", "POST"])
def partner_reject(request, pk: int):
    """Rechazar, with the reason (required)."""
    referral = _partner_referral(request, pk)
    form = RejectForm(request.POST or None)

    def invalid(form):
        return render(
            request,
            "referrals/partner_reject.html",
            {"referral": referral, "form": form},
            status=400 if form.is_bound else 200,
        )

    if request.method == "GET":
        return invalid(form)
    return handle_form(
        request,
        form,
        service=lambda data: services.referral_reject(by=request.user, referral=referral, reason=data["reason"]),
        success_url=reverse("referrals:partner_list"),
        success_message=_("Rechazaste la derivación. Avisaremos a coordinación."),
        invalid=invalid,
        refused=services.ReferralError,
        refused_url=reverse("referrals:partner_list"),
    )


# --- the person -----------------------------------------------------------------------------------------


@login_required
def mine(request):
    """Mis derivaciones: plain lines ("Te derivamos a … para …. Estado: …") and a way to withdraw consent."""
    referrals = selectors.referrals_of_person(user=request.user)
    return render(request, "referrals/mine.html", {"referrals": referrals, "State": Referral.State})


@login_required
@require_POST
def withdraw(request, pk: int):
    """She withdraws her consent for this organisation and service: the referral is revoked."""
    try:
        referral = selectors.referral_of_person(user=request.user, pk=pk)
    except Referral.DoesNotExist as exc:
        raise Http404 from exc
    return handle_action(
        request,
        service=lambda: services.referral_consent_withdraw(by=request.user, referral=referral),
        success_url=reverse("referrals:mine"),
        success_message=_("Retiraste tu consentimiento. La organización ya no verá tus datos."),
        refused=services.ReferralError,
    )
