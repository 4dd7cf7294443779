"""Dropout replacement: candidates from the registry for a freed seat, their interviews, and the promotion
of one (a seat through the cohort's rules, with the catch-up list).

Candidates: people in the registry with an account, in the cohort's city, who completed the cohort's
required courses, and who hold no seat in any cohort (accepted or offered) nor have a line in this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from cms.accounts.models import Participant, User
from incubator.cohorts.models import Cohort, Participation, ParticipationEvent, ReplacementInterview
from incubator.cohorts.services import IntakeError, _lock_cohort, _log, _seats_taken, catch_up_create
from lms.courses.selectors import users_completed_all

S = Participation.Status
SEAT_STATUSES = (S.ACCEPTED, S.OFFERED)
CANDIDATES_SHOWN = 50


@dataclass(frozen=True)
class Candidate:
    participant: Participant
    interview: ReplacementInterview | None  # the latest one for this cohort


@dataclass(frozen=True)
class FreedSeats:
    free: int
    dropped: int


def freed_seats(*, cohort: Cohort) -> FreedSeats:
    """How many seats are free now, and how many people dropped out: 2 queries."""
    taken = cohort.participations.filter(status__in=SEAT_STATUSES).count()
    dropped = cohort.participations.filter(status=S.DROPPED).count()
    return FreedSeats(free=max(cohort.capacity - taken, 0), dropped=dropped)


def replacement_candidates(*, cohort: Cohort) -> list[Candidate]:
    """Who could take a freed seat, with her latest interview: a constant number of queries."""
    people = Participant.objects.filter(merged_into__isnull=True, user__isnull=False, user__is_active=True).filter(
        Q(city__iexact=cohort.city) | Q(city="", center__city__iexact=cohort.city)
    )
    required = list(cohort.required_courses.values_list("pk", flat=True))
    if required:
        people = people.filter(user__in=users_completed_all(course_ids=required))
    seated = Participation.objects.filter(status__in=SEAT_STATUSES).values("user_id")
    here = Participation.objects.filter(cohort=cohort).values("user_id")
    people = people.exclude(user__in=seated).exclude(user__in=here).select_related("user", "center")
    people = list(people.order_by("surnames", "given_names", "pk")[:CANDIDATES_SHOWN])
    interviews: dict[int, ReplacementInterview] = {}
    for interview in ReplacementInterview.objects.filter(cohort=cohort, candidate__in=[p.user_id for p in people]):
        interviews.setdefault(interview.candidate_id, interview)  # Meta.ordering: newest first
    return [Candidate(participant=p, interview=interviews.get(p.user_id)) for p in people]


def replacement_candidate_for(*, cohort: Cohort, user_id: int) -> Participant:
    """One of the cohort's candidates; Participant.DoesNotExist (a 404) when she is not one."""
    for candidate in replacement_candidates(cohort=cohort):
        if candidate.participant.user_id == user_id:
            return candidate.participant
    raise Participant.DoesNotExist


def replacement_interview_record(
    *, cohort: Cohort, candidate: User, by: User, held_on: date, notes: str, suitable: bool
) -> ReplacementInterview:
    """Record the interview of a candidate for a freed seat (a new line each time)."""
    interview = ReplacementInterview(
        cohort=cohort, candidate=candidate, interviewer=by, held_on=held_on, notes=notes, suitable=suitable
    )
    interview.full_clean()
    interview.save()
    return interview


def replacement_promote(*, cohort: Cohort, candidate: User, by: User) -> Participation:
    """Give a freed seat to a candidate whose latest interview found her suitable: an accepted
    participation, logged, with her catch-up list. IntakeError when there is no free seat or no such
    interview."""
    with transaction.atomic():
        locked = _lock_cohort(cohort)
        latest = ReplacementInterview.objects.filter(cohort=cohort, candidate=candidate).first()
        if latest is None or not latest.suitable:
            raise IntakeError(_("Primero registra una entrevista que diga que puede tomar el cupo."))
        if _seats_taken(locked) >= locked.capacity:
            raise IntakeError(_("No hay cupos libres en esta cohorte."))
        if Participation.objects.filter(user=candidate, status__in=SEAT_STATUSES).exists():
            raise IntakeError(_("Esta persona ya tiene un cupo en una cohorte."))
        participation, created = Participation.objects.get_or_create(
            cohort=locked, user=candidate, defaults={"status": S.ACCEPTED}
        )
        if not created:
            raise IntakeError(_("Esta persona ya está en la cohorte."))
        _log(participation, ParticipationEvent.Kind.ACCEPTED, by, _("Toma un cupo liberado por un retiro"))
        catch_up_create(participation=participation)
    return participation
