import pytest

from lms.courses.models import Enrolment, EnrolmentEvent
from lms.courses.selectors import waitlist_position
from lms.courses.services import enrolment_cancel, enrolment_create
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def test_it_enrols_while_seats_are_free_and_waitlists_after():
    course = build_course(capacity=1)
    first = enrolment_create(user=UserFactory(), course=course)
    second = enrolment_create(user=UserFactory(), course=course)
    third = enrolment_create(user=UserFactory(), course=course)
    assert first.status == Enrolment.Status.ACTIVE
    assert (second.status, third.status) == (Enrolment.Status.WAITLISTED, Enrolment.Status.WAITLISTED)
    assert (waitlist_position(enrolment=second), waitlist_position(enrolment=third)) == (1, 2)


def test_enrolling_twice_changes_nothing():
    course = build_course()
    user = UserFactory()
    enrolment_create(user=user, course=course)
    enrolment_create(user=user, course=course)
    assert Enrolment.objects.filter(user=user).count() == 1
    assert EnrolmentEvent.objects.filter(enrolment__user=user).count() == 1


def test_cancelling_promotes_the_oldest_waitlisted_and_logs_it_with_the_actor():
    course = build_course(capacity=1)
    coordinator = UserFactory(role="coordinacion")
    seated = enrolment_create(user=UserFactory(), course=course)
    oldest = enrolment_create(user=UserFactory(), course=course)
    newest = enrolment_create(user=UserFactory(), course=course)

    enrolment_cancel(enrolment=seated, actor=coordinator)

    oldest.refresh_from_db()
    newest.refresh_from_db()
    assert oldest.status == Enrolment.Status.ACTIVE
    assert newest.status == Enrolment.Status.WAITLISTED
    assert waitlist_position(enrolment=newest) == 1
    promoted = EnrolmentEvent.objects.get(enrolment=oldest, kind=EnrolmentEvent.Kind.PROMOTED)
    assert promoted.actor == coordinator
    assert EnrolmentEvent.objects.filter(
        enrolment=seated, kind=EnrolmentEvent.Kind.CANCELLED, actor=coordinator
    ).exists()


def test_cancelling_a_waitlisted_place_promotes_nobody():
    course = build_course(capacity=1)
    enrolment_create(user=UserFactory(), course=course)
    waiting = enrolment_create(user=UserFactory(), course=course)
    later = enrolment_create(user=UserFactory(), course=course)
    enrolment_cancel(enrolment=waiting, actor=waiting.user)
    later.refresh_from_db()
    assert later.status == Enrolment.Status.WAITLISTED
    assert not EnrolmentEvent.objects.filter(kind=EnrolmentEvent.Kind.PROMOTED).exists()


def test_a_cancelled_learner_who_comes_back_joins_the_end_of_the_waitlist():
    course = build_course(capacity=1)
    returning = enrolment_create(user=UserFactory(), course=course)
    waiting = enrolment_create(user=UserFactory(), course=course)
    enrolment_cancel(enrolment=returning, actor=returning.user)
    back = enrolment_create(user=returning.user, course=course)
    assert back.pk == returning.pk
    assert back.status == Enrolment.Status.WAITLISTED
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.ACTIVE


def test_enrol_and_cancel_buttons_work_without_javascript(client):
    course = build_course(capacity=1)
    user = UserFactory()
    client.force_login(user)
    response = client.post(f"/aprender/curso/{course.id}/inscribirme/")
    assert response.status_code == 302
    assert Enrolment.objects.get(user=user).status == Enrolment.Status.ACTIVE
    other = UserFactory()
    client.force_login(other)
    client.post(f"/aprender/curso/{course.id}/inscribirme/", follow=True)
    page = client.get(course.url).content.decode()
    assert "lista de espera (puesto 1)" in page
    client.post(f"/aprender/curso/{course.id}/cancelar/")
    assert Enrolment.objects.get(user=other).status == Enrolment.Status.CANCELLED


def test_enrol_refuses_get(client):
    course = build_course()
    client.force_login(UserFactory())
    assert client.get(f"/aprender/curso/{course.id}/inscribirme/").status_code == 405
