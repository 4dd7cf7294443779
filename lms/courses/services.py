"""Writes of the courses app: completion (enrolment services are added beside it)."""

from django.db import transaction
from django.utils import timezone

from lms.courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from lms.courses.signals import course_completed


def lesson_complete(*, user, lesson: LessonPage, source: str = LessonCompletion.Source.BUTTON
                    ) -> LessonCompletion:
    """Mark a lesson complete (idempotent). Completes the course when it was the last lesson.

    Side effect: sends `course_completed` after commit, once, when the course becomes complete.
    """
    course = CoursePage.objects.ancestor_of(lesson).type(CoursePage).first().specific
    with transaction.atomic():
        completion, _created = LessonCompletion.objects.get_or_create(
            user=user, lesson=lesson, defaults={"course": course, "source": source}
        )
        course_complete_if_done(user=user, course=course)
    return completion


def course_complete_if_done(*, user, course: CoursePage) -> bool:
    """Set the enrolment's completed_at when every live lesson is complete. True if it just completed."""
    lesson_ids = set(LessonPage.objects.live().descendant_of(course).values_list("id", flat=True))
    done = set(
        LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_ids).values_list("lesson_id", flat=True)
    )
    if not lesson_ids or lesson_ids - done:
        return False
    # Row lock: two lessons completed at once must not both send course_completed.
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(user=user, course=course, status=Enrolment.Status.ACTIVE, completed_at__isnull=True)
        .first()
    )
    if enrolment is None:
        return False
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at", "updated_at"])
    transaction.on_commit(
        lambda: course_completed.send(sender=CoursePage, user=user, course=course, enrolment=enrolment)
    )
    return True
