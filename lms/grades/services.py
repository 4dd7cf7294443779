"""Writes of the gradebook. Any graded activity reports here through grade_record."""

from decimal import Decimal

from django.db import IntegrityError, transaction

from lms.grades.models import Grade, GradeItem


def grade_item_ensure(
    *, course, source_kind: str, source_id: int, title: str, lesson=None, reported_by: str = GradeItem.Reporter.SERVER
) -> GradeItem:
    """The grade item of a source in a course (and lesson, for H5P), created on first use.

    The course is part of the key: one H5P package placed in two courses has an item in each.
    """
    key = {"course": course, "lesson": lesson, "source_kind": source_kind, "source_id": source_id}
    try:
        with transaction.atomic():
            item, _created = GradeItem.objects.get_or_create(
                **key, defaults={"title": title, "reported_by": reported_by}
            )
    except IntegrityError:
        # Two first grades of the same item at once: the other request created it.
        item = GradeItem.objects.get(**key)
    return item


def grade_record(
    *,
    user,
    course,
    source_kind: str,
    source_id: int,
    title: str,
    score: Decimal,
    lesson=None,
    reported_by: str = GradeItem.Reporter.SERVER,
    policy: str = "best",
) -> Grade:
    """Store a learner's score (0-100) for a source. policy "best" keeps the highest, "last" the newest."""
    item = grade_item_ensure(
        course=course, lesson=lesson, source_kind=source_kind, source_id=source_id, title=title, reported_by=reported_by
    )
    with transaction.atomic():
        # Row lock: two attempts finishing together must not lose the better score.
        grade = Grade.objects.select_for_update().filter(item=item, user=user).first()
        if grade is None:
            return Grade.objects.create(item=item, user=user, score=score)
        if policy == "last" or score > grade.score:
            grade.score = score
            grade.save(update_fields=["score", "updated_at"])
        return grade
