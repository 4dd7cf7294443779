"""Reads of the satisfaction survey."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from lms.courses.models import CoursePage, Enrolment
from lms.surveys.models import SatisfactionResponse

SATISFIED = (4, 5)


def answered_course_ids(*, user) -> set[int]:
    """Ids of the courses this person already rated."""
    return set(SatisfactionResponse.objects.filter(user=user).values_list("course_id", flat=True))


def survey_pending_for(*, user, course: CoursePage) -> bool:
    """True when the learner completed the course and has not answered its survey yet."""
    completed = Enrolment.objects.filter(user=user, course=course, completed_at__isnull=False).exists()
    return completed and not SatisfactionResponse.objects.filter(user=user, course=course).exists()


@dataclass
class CourseSatisfaction:
    course_id: int
    course_title: str
    responses: int
    satisfied: int

    @property
    def percent_satisfied(self) -> Decimal:
        """Ratings 4 and 5 over all responses, as a percentage rounded to 0.1."""
        return (Decimal(100) * self.satisfied / self.responses).quantize(Decimal("0.1"), ROUND_HALF_UP)


def satisfaction_by_course() -> list[CourseSatisfaction]:
    """ "% satisfechos" per course that has responses, in one query."""
    rows = (
        SatisfactionResponse.objects.values("course_id", "course__title")
        .annotate(responses=Count("id"), satisfied=Count("id", filter=Q(rating__in=SATISFIED)))
        .order_by("course__title")
    )
    return [
        CourseSatisfaction(
            course_id=r["course_id"],
            course_title=r["course__title"],
            responses=r["responses"],
            satisfied=r["satisfied"],
        )
        for r in rows
    ]
