"""Writes of the satisfaction survey."""

from django.db import IntegrityError, transaction

from lms.courses.models import CoursePage, Enrolment
from lms.surveys.models import SatisfactionResponse


class AlreadyAnswered(Exception):
    """This learner already answered the survey of this course."""


class CourseNotCompleted(Exception):
    """Only learners who completed the course may answer its survey."""


def satisfaction_response_submit(*, user, course: CoursePage, rating: int, comment: str = "") -> SatisfactionResponse:
    """Store the learner's one survey answer for a course.

    Raises CourseNotCompleted if the enrolment has no completed_at, AlreadyAnswered on a second answer.
    """
    if not Enrolment.objects.filter(user=user, course=course, completed_at__isnull=False).exists():
        raise CourseNotCompleted
    try:
        # The unique constraint settles a double submit (two tabs, a double tap).
        with transaction.atomic():
            return SatisfactionResponse.objects.create(user=user, course=course, rating=rating, comment=comment.strip())
    except IntegrityError as error:
        raise AlreadyAnswered from error
