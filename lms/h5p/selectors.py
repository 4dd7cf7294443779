"""Reads of the H5P app."""

from lms.courses.models import Enrolment, LessonPage
from lms.courses.selectors import can_preview, course_of
from lms.h5p.models import H5PResult, H5PUserState


def lesson_h5p_activity_ids(*, lesson: LessonPage) -> list[int]:
    ids = []
    for block in lesson.body:
        if block.block_type == "h5p" and block.value.get("activity") is not None:
            ids.append(block.value["activity"].pk)
    return ids


def lesson_has_any_quiz(*, lesson: LessonPage) -> bool:
    """True when the lesson's body holds a quiz block, whichever quiz (then the quiz decides completion)."""
    return any(block.block_type == "quiz" for block in lesson.body)


def can_play(*, user, lesson: LessonPage, activity_id: int) -> bool:
    """Enrolled learners of the lesson's course (and its previewers), for an activity of that lesson."""
    if not user.is_authenticated or activity_id not in lesson_h5p_activity_ids(lesson=lesson):
        return False
    course = course_of(lesson)
    enrolled = Enrolment.objects.filter(user=user, course=course, status=Enrolment.Status.ACTIVE).exists()
    return enrolled or can_preview(user=user, course=course)


def h5p_result_for(*, user, activity_id: int, lesson_id: int) -> H5PResult | None:
    return H5PResult.objects.filter(user=user, activity_id=activity_id, lesson_id=lesson_id).first()


def h5p_state_for(*, user_id: int, activity_id: int, lesson_id: int) -> str | None:
    """The resume state saved for this activity in this lesson (a play elsewhere starts fresh)."""
    return (
        H5PUserState.objects.filter(user_id=user_id, activity_id=activity_id, lesson_id=lesson_id)
        .values_list("data", flat=True)
        .first()
    )
