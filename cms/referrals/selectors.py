"""Reads of the referrals: per role (coordination, partner organisation, the person), the clock and counts.

Coordinators see the referrals of the participants they may open (people.selectors.participants_visible_to);
a partner's members see only the open referrals sent to their organisation; a person sees her own.
Anyone else gets nothing (a 404 in the views, never a 403 that tells).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from cms.accounts.models import Participant
from cms.accounts.roles import Role, has_role
from cms.people.models import ConsentText, Purpose
from cms.people.selectors import consent_text_current, participants_visible_to
from cms.referrals.models import PartnerService, Referral, ReferralEvent, ServiceType


@dataclass(frozen=True)
class Clock:
    """A referral's clock in calendar days: how long she waited for the answer and for the service.

    `overdue_days` > 0 when the current step (accept, or attend once accepted) is late."""

    days_to_accept: int | None
    days_to_attend: int | None
    overdue_days: int


def accept_days() -> int:
    return settings.SEMILLA_REFERRAL_ACCEPT_DAYS


def attend_days() -> int:
    return settings.SEMILLA_REFERRAL_ATTEND_DAYS


def _days(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return max((end - start).days, 0)


def referral_clock(referral: Referral, *, now: datetime | None = None) -> Clock:
    """Calendar days (weekends count: partners and the person live them too) from sent to accepted and from
    accepted to attended; a step still running counts until now."""
    now = now or timezone.now()
    state = referral.state
    waiting_accept = state == Referral.State.SENT
    waiting_attend = state == Referral.State.ACCEPTED
    to_accept = _days(referral.sent_at, referral.accepted_at or (now if waiting_accept else referral.rejected_at))
    to_attend = _days(referral.accepted_at, referral.attended_at or (now if waiting_attend else None))
    overdue = 0
    if waiting_accept and to_accept is not None:
        overdue = max(to_accept - accept_days(), 0)
    elif waiting_attend and to_attend is not None:
        overdue = max(to_attend - attend_days(), 0)
    return Clock(days_to_accept=to_accept, days_to_attend=to_attend, overdue_days=overdue)


def overdue_q(*, now: datetime | None = None) -> Q:
    """The filter of late referrals: sent and not answered within the accept threshold, or accepted and not
    attended within the attend threshold (settings SEMILLA_REFERRAL_ACCEPT_DAYS / _ATTEND_DAYS). Whole days,
    as referral_clock counts them: with 3 days to accept, a referral is late once 4 full days have passed."""
    now = now or timezone.now()
    return Q(state=Referral.State.SENT, sent_at__lte=now - timedelta(days=accept_days() + 1)) | Q(
        state=Referral.State.ACCEPTED, accepted_at__lte=now - timedelta(days=attend_days() + 1)
    )


def _with_related(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    return referrals.select_related("participant", "organisation")


def referrals_visible_to(*, user) -> QuerySet[Referral]:
    """Every referral coordination may open: those of the participants in her scope (all for administration)."""
    if not has_role(user, Role.COORDINATOR, Role.ADMIN):
        return Referral.objects.none()
    if has_role(user, Role.ADMIN):
        return _with_related(Referral.objects.all())
    visible = participants_visible_to(user=user).values("pk")
    return _with_related(Referral.objects.filter(participant__in=visible))


def referral_for(*, user, pk: int) -> Referral:
    """One referral coordination may open; Referral.DoesNotExist (a 404) otherwise."""
    return referrals_visible_to(user=user).get(pk=pk)


def referrals_list(
    *, user, state: str = "", service_type: str = "", overdue: bool = False, now: datetime | None = None
) -> QuerySet[Referral]:
    """The coordinator's list, newest first, filtered by state, service and lateness. Three queries at most."""
    referrals = referrals_visible_to(user=user)
    if state:
        referrals = referrals.filter(state=state)
    if service_type:
        referrals = referrals.filter(service_type=service_type)
    if overdue:
        referrals = referrals.filter(overdue_q(now=now))
    return referrals


def referrals_overdue(*, user, now: datetime | None = None) -> QuerySet[Referral]:
    """Late referrals in the coordinator's scope, the longest waiting first."""
    return referrals_visible_to(user=user).filter(overdue_q(now=now)).order_by("sent_at", "id")


def referrals_for_participant(*, user, participant: Participant) -> QuerySet[Referral]:
    """One person's referrals for her page in the registry: empty unless the user may open that person."""
    return referrals_visible_to(user=user).filter(participant=participant)


def referral_events(*, referral: Referral) -> QuerySet[ReferralEvent]:
    return referral.events.select_related("actor")


def referrals_for_partner(*, user) -> QuerySet[Referral]:
    """The open referrals sent to the organisations the user acts for (role "aliada"), oldest first."""
    if not has_role(user, Role.PARTNER):
        return Referral.objects.none()
    return _with_related(
        Referral.objects.filter(
            organisation__members=user, organisation__active=True, state__in=Referral.PARTNER_STATES
        ).order_by("sent_at", "id")
    )


def referral_for_partner(*, user, pk: int) -> Referral:
    """One open referral sent to her organisation; Referral.DoesNotExist (a 404) otherwise."""
    return referrals_for_partner(user=user).get(pk=pk)


def referrals_of_person(*, user) -> QuerySet[Referral]:
    """The person's own referrals once sent (a draft is coordination's work in progress), newest first."""
    if not user.is_authenticated:
        return Referral.objects.none()
    return (
        Referral.objects.filter(participant__user=user)
        .exclude(state=Referral.State.DRAFT)
        .select_related("organisation")
    )


def referral_of_person(*, user, pk: int) -> Referral:
    return referrals_of_person(user=user).get(pk=pk)


def partner_services() -> QuerySet[PartnerService]:
    """What a coordinator may refer to: the services of active organisations."""
    return PartnerService.objects.filter(organisation__active=True).select_related("organisation")


def referral_consent_text() -> ConsentText | None:
    """The current words for sharing her data with one organisation for one service."""
    return consent_text_current(purpose=Purpose.REFERRAL)


def _as_types(service_type: str | Iterable[str]) -> list[str]:
    return [service_type] if isinstance(service_type, str) else list(service_type)


def referrals_attended(
    *,
    service_type: str | Iterable[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    participants: QuerySet[Participant] | None = None,
) -> QuerySet[Referral]:
    """Referrals whose service was received (attended_at set: atendida, cerrada, or revoked afterwards), for
    the donor's indicators. `service_type` one type or several (FINANCIAL_SERVICES; ServiceType.CREDIT for
    "financial services with credit"); `since` inclusive, `until` exclusive, on attended_at; `participants`
    narrows to a programme's people. Count with .count() or .values("participant").distinct()."""
    referrals = Referral.objects.filter(attended_at__isnull=False)
    if service_type is not None:
        referrals = referrals.filter(service_type__in=_as_types(service_type))
    if since is not None:
        referrals = referrals.filter(attended_at__gte=since)
    if until is not None:
        referrals = referrals.filter(attended_at__lt=until)
    if participants is not None:
        referrals = referrals.filter(participant__in=participants.values("pk"))
    return referrals


def service_type_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in ServiceType.choices]
