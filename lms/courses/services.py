"""Writes of the courses app: enrolment with capacity and waitlist, completion, CSV import."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from lms.courses.models import CoursePage, Enrolment, EnrolmentEvent, LessonCompletion, LessonPage
from lms.courses.signals import course_completed


def lesson_complete(*, user, lesson: LessonPage, source: str = LessonCompletion.Source.BUTTON) -> LessonCompletion:
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
    done = set(LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_ids).values_list("lesson_id", flat=True))
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


class EnrolmentError(Exception):
    """A learner-facing reason why an enrolment change was refused (message in Spanish)."""


def _course_lock(course: CoursePage) -> None:
    # Row lock on the course: two people taking the last seat (or a cancel racing an enrolment)
    # must be serialized, or the course ends over capacity or a freed seat is lost.
    Page.objects.select_for_update().filter(pk=course.pk).values_list("pk", flat=True).first()


def _has_free_seat(course: CoursePage) -> bool:
    if course.capacity is None:
        return True
    return Enrolment.objects.filter(course=course, status=Enrolment.Status.ACTIVE).count() < course.capacity


def enrolment_create(*, user, course: CoursePage, actor=None, source: str = "self") -> Enrolment:
    """Enrol a person: active when a seat is free, otherwise waitlisted (idempotent).

    An active or waitlisted enrolment is returned unchanged; a cancelled one is reopened.
    Side effect: logs an EnrolmentEvent (enrolled, waitlisted or imported) with the actor.
    """
    with transaction.atomic():
        _course_lock(course)
        enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course).first()
        if enrolment is not None and enrolment.status != Enrolment.Status.CANCELLED:
            return enrolment
        if enrolment is None:
            enrolment = Enrolment(user=user, course=course)
        enrolment.source = source
        enrolment.completed_at = None
        if _has_free_seat(course):
            enrolment.status, enrolment.queued_at = Enrolment.Status.ACTIVE, None
            kind = EnrolmentEvent.Kind.IMPORTED if source == "csv" else EnrolmentEvent.Kind.ENROLLED
        else:
            enrolment.status, enrolment.queued_at = Enrolment.Status.WAITLISTED, timezone.now()
            kind = EnrolmentEvent.Kind.WAITLISTED
        enrolment.save()
        EnrolmentEvent.objects.create(enrolment=enrolment, kind=kind, actor=actor or user, detail=source)
    return enrolment


def enrolment_cancel(*, enrolment: Enrolment, actor) -> Enrolment:
    """Cancel an active or waitlisted enrolment; a freed seat goes to the oldest waitlisted person.

    Side effects: logs `cancelled` and, for each promotion, `promoted` (same actor).
    """
    with transaction.atomic():
        _course_lock(enrolment.course)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status == Enrolment.Status.CANCELLED:
            return enrolment
        enrolment.status, enrolment.queued_at = Enrolment.Status.CANCELLED, None
        enrolment.save(update_fields=["status", "queued_at", "updated_at"])
        EnrolmentEvent.objects.create(enrolment=enrolment, kind=EnrolmentEvent.Kind.CANCELLED, actor=actor)
        waitlist_promote(course=enrolment.course, actor=actor)
    return enrolment


def waitlist_promote(*, course: CoursePage, actor=None) -> list[Enrolment]:
    """Fill free seats from the waitlist, oldest first. Call inside the course lock (or it takes it)."""
    promoted = []
    with transaction.atomic():
        _course_lock(course)
        waiting = (
            Enrolment.objects.select_for_update()
            .filter(course=course, status=Enrolment.Status.WAITLISTED)
            .order_by("queued_at", "id")
        )
        for enrolment in waiting:
            if not _has_free_seat(course):
                break
            enrolment.status, enrolment.queued_at = Enrolment.Status.ACTIVE, None
            enrolment.save(update_fields=["status", "queued_at", "updated_at"])
            EnrolmentEvent.objects.create(
                enrolment=enrolment, kind=EnrolmentEvent.Kind.PROMOTED, actor=actor, detail="lista de espera"
            )
            promoted.append(enrolment)
    return promoted


def course_waitlist_fill(*, course: CoursePage, actor=None) -> list[Enrolment]:
    """Give every free seat to the waitlist, oldest first, e.g. after the capacity was raised or removed.

    Idempotent: with no free seat or nobody waiting it writes nothing. Side effect: logs `promoted` per person.
    """
    with transaction.atomic():
        # The course row lock serializes this with enrolment_create/enrolment_cancel and with a second
        # publish: without it a self-enrolment could take a seat between the count and the promotion (the
        # course ends over capacity) or two publishes could promote the same person twice.
        _course_lock(course)
        # Under the lock, the capacity that is live now, not the one of an instance loaded earlier.
        fresh = CoursePage.objects.get(pk=course.pk)
        return waitlist_promote(course=fresh, actor=actor)


def enrolment_last_lesson_set(*, enrolment: Enrolment, lesson: LessonPage) -> None:
    """Remember the lesson a learner opened, for "Continuar donde lo dejé" (no write if unchanged)."""
    if enrolment.last_lesson_id != lesson.id:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, updated_at=timezone.now())
        enrolment.last_lesson_id = lesson.id


class CsvImportChanged(Exception):
    """A person or course of the previewed file no longer exists: nothing was imported."""


def enrolment_csv_import(*, pairs: list[list[int]], actor) -> dict[str, int]:
    """Enrol every previewed (user_id, course_id) pair, all or nothing. Idempotent.

    Precondition: pairs come from a preview without errors. Raises CsvImportChanged (and writes
    nothing) when a user or course vanished since the preview. Returns counts by resulting status.
    """
    from django.contrib.auth import get_user_model

    counts = {"activa": 0, "espera": 0, "sin_cambios": 0}
    with transaction.atomic():
        users = get_user_model().objects.in_bulk({u for u, _c in pairs})
        courses = CoursePage.objects.in_bulk({c for _u, c in pairs})
        for user_id, course_id in pairs:
            if user_id not in users or course_id not in courses:
                raise CsvImportChanged
            user, course = users[user_id], courses[course_id]
            before = (
                Enrolment.objects.filter(user=user, course=course).exclude(status=Enrolment.Status.CANCELLED).exists()
            )
            enrolment = enrolment_create(user=user, course=course, actor=actor, source="csv")
            counts["sin_cambios" if before else enrolment.status] += 1
    return counts
