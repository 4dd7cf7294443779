"""Reads of the cohorts app: eligibility, applications, a person's seat, the cohort board."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort, Participation, ParticipationEvent
from lms.courses.selectors import courses_completed_by
from lms.quizzes.selectors import best_post_scores, courses_with_post_test


@dataclass(frozen=True)
class Eligibility:
    reasons: list[str]

    @property
    def eligible(self) -> bool:
        return not self.reasons


def cohort_eligibility(*, cohort: Cohort, user) -> Eligibility:
    """Why a learner may not apply yet (empty = eligible). Each required course must be completed and,
    when it has a final evaluation, its best score must reach the cohort's minimum. 4 queries."""
    courses = list(cohort.required_courses.order_by("path"))
    if not courses:
        return Eligibility(reasons=[])
    ids = [c.pk for c in courses]
    completed = courses_completed_by(user=user, course_ids=ids)
    with_post = courses_with_post_test(course_ids=ids)
    scores = best_post_scores(user=user, course_ids=ids)
    reasons = []
    for course in courses:
        if course.pk not in completed:
            reasons.append(_("Te falta completar «%(course)s».") % {"course": course.title})
        elif course.pk in with_post and (scores.get(course.pk) or 0) < cohort.min_post_score:
            reasons.append(
                _("Necesitas %(min)s %% o más en la evaluación final de «%(course)s».")
                % {"min": cohort.min_post_score, "course": course.title}
            )
    return Eligibility(reasons=reasons)


def is_cohort_coordinator(*, user, cohort: Cohort) -> bool:
    """Coordinators of this cohort and admins manage it."""
    if not user.is_authenticated:
        return False
    if has_role(user, Role.ADMIN):
        return True
    return has_role(user, Role.COORDINATOR) and cohort.coordinators.filter(pk=user.pk).exists()


def cohorts_coordinated_by(*, user) -> list[Cohort]:
    """The cohorts this person runs (admins: all), newest first, each with `to_review` (applications
    waiting for a decision) and `in_reserve`: one query."""
    if has_role(user, Role.ADMIN):
        cohorts = Cohort.objects.all()
    elif has_role(user, Role.COORDINATOR):
        cohorts = Cohort.objects.filter(coordinators=user)
    else:
        return []
    S = Participation.Status
    return list(
        cohorts.annotate(
            to_review=Count("participations", filter=Q(participations__status=S.APPLIED)),
            in_reserve=Count("participations", filter=Q(participations__status=S.RESERVE)),
        ).order_by("-start_date", "name")
    )


def participations_of(*, user) -> list[Participation]:
    """The person's own applications and seats, with their cohort: one query."""
    return list(Participation.objects.filter(user=user).select_related("cohort").order_by("-cohort__start_date"))


def cohorts_open() -> QuerySet[Cohort]:
    return Cohort.objects.order_by("start_date", "name")


def participation_of(*, cohort: Cohort, user) -> Participation | None:
    if not user.is_authenticated:
        return None
    return Participation.objects.filter(cohort=cohort, user=user).prefetch_related("catch_up_items").first()


def seats_taken(*, cohort: Cohort) -> int:
    return cohort.participations.filter(
        status__in=[Participation.Status.ACCEPTED, Participation.Status.OFFERED]
    ).count()


@dataclass
class Applications:
    applied: list[Participation] = field(default_factory=list)
    reserve: list[Participation] = field(default_factory=list)
    offered: list[Participation] = field(default_factory=list)
    accepted: list[Participation] = field(default_factory=list)
    closed: list[Participation] = field(default_factory=list)

    @property
    def seats_taken(self) -> int:
        return len(self.accepted) + len(self.offered)


def cohort_applications(*, cohort: Cohort) -> Applications:
    """Every participation of the cohort grouped by status, with people and events: 2 queries."""
    S = Participation.Status
    result = Applications()
    buckets = {
        S.APPLIED: result.applied,
        S.RESERVE: result.reserve,
        S.OFFERED: result.offered,
        S.ACCEPTED: result.accepted,
    }
    rows = (
        cohort.participations.select_related("user")
        .prefetch_related(Prefetch("events", queryset=ParticipationEvent.objects.select_related("actor")))
        .order_by("reserve_position", "created_at", "id")
    )
    for p in rows:
        buckets.get(p.status, result.closed).append(p)
    return result
