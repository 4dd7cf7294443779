import pytest

from lms.courses.models import CoursePage, Enrolment, EnrolmentEvent
from lms.courses.services import course_waitlist_fill, enrolment_create
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_waitlist():
    """Capacity 2: two seated, three waiting in the order they came."""
    course = build_course(capacity=2)
    seated = [enrolment_create(user=UserFactory(), course=course) for _n in range(2)]
    waiting = [enrolment_create(user=UserFactory(), course=course) for _n in range(3)]
    assert {e.status for e in waiting} == {Enrolment.Status.WAITLISTED}
    return course, seated, waiting


def publish_with_capacity(course: CoursePage, capacity: int | None, user, capture) -> None:
    """Change the capacity and publish as an editor does; runs the after-commit callbacks."""
    course = CoursePage.objects.get(pk=course.pk)
    course.capacity = capacity
    with capture(execute=True):
        course.save_revision(user=user).publish(user=user)


def statuses(enrolments) -> list[str]:
    return [Enrolment.objects.get(pk=e.pk).status for e in enrolments]


def test_raising_the_capacity_gives_the_new_seats_to_the_first_waiting(
    course_with_waitlist, django_capture_on_commit_callbacks
):
    course, seated, waiting = course_with_waitlist
    editor = UserFactory(role="coordinacion")

    publish_with_capacity(course, 4, editor, django_capture_on_commit_callbacks)

    assert statuses(seated) == [Enrolment.Status.ACTIVE] * 2
    assert statuses(waiting) == [Enrolment.Status.ACTIVE, Enrolment.Status.ACTIVE, Enrolment.Status.WAITLISTED]
    promoted = EnrolmentEvent.objects.filter(kind=EnrolmentEvent.Kind.PROMOTED).order_by("id")
    assert [(e.enrolment_id, e.actor) for e in promoted] == [(waiting[0].pk, editor), (waiting[1].pk, editor)]
    assert Enrolment.objects.get(pk=waiting[2].pk).queued_at is not None


def test_removing_the_limit_enrols_everyone_waiting(course_with_waitlist, django_capture_on_commit_callbacks):
    course, seated, waiting = course_with_waitlist

    publish_with_capacity(course, None, UserFactory(role="coordinacion"), django_capture_on_commit_callbacks)

    assert statuses(seated + waiting) == [Enrolment.Status.ACTIVE] * 5
    assert EnrolmentEvent.objects.filter(kind=EnrolmentEvent.Kind.PROMOTED).count() == 3


def test_publishing_again_changes_nothing(course_with_waitlist, django_capture_on_commit_callbacks):
    course, _seated, waiting = course_with_waitlist
    editor = UserFactory(role="coordinacion")
    publish_with_capacity(course, 4, editor, django_capture_on_commit_callbacks)
    events_before = EnrolmentEvent.objects.count()

    publish_with_capacity(course, 4, editor, django_capture_on_commit_callbacks)

    assert EnrolmentEvent.objects.count() == events_before
    assert statuses(waiting) == [Enrolment.Status.ACTIVE, Enrolment.Status.ACTIVE, Enrolment.Status.WAITLISTED]


def test_lowering_the_capacity_takes_no_seat_away(course_with_waitlist, django_capture_on_commit_callbacks):
    course, seated, waiting = course_with_waitlist

    publish_with_capacity(course, 1, UserFactory(role="coordinacion"), django_capture_on_commit_callbacks)

    assert statuses(seated) == [Enrolment.Status.ACTIVE] * 2
    assert statuses(waiting) == [Enrolment.Status.WAITLISTED] * 3
    assert not EnrolmentEvent.objects.filter(kind=EnrolmentEvent.Kind.PROMOTED).exists()


def test_the_fill_reads_the_live_capacity_not_a_stale_instance(course_with_waitlist):
    course, _seated, waiting = course_with_waitlist  # this instance still says capacity 2
    CoursePage.objects.filter(pk=course.pk).update(capacity=3)

    promoted = course_waitlist_fill(course=course)

    assert [e.pk for e in promoted] == [waiting[0].pk]
    assert course_waitlist_fill(course=course) == []
