import pytest
from django.urls import reverse

from lms.courses.models import Enrolment, EnrolmentEvent
from lms.courses.services import enrolment_create
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_course():
    """Capacity 1: one seated learner, two waiting in order."""
    course = build_course(capacity=1)
    seated = enrolment_create(user=UserFactory(), course=course)
    first = enrolment_create(user=UserFactory(), course=course)
    second = enrolment_create(user=UserFactory(), course=course)
    return seated, first, second


def cancel_url(enrolment: Enrolment) -> str:
    return reverse("inscripciones:cancel", args=[enrolment.pk])


def test_the_coordinator_cancels_and_the_seat_goes_to_the_first_waiting_with_both_steps_logged(client, full_course):
    seated, first, second = full_course
    coordinator = UserFactory(role="coordinacion")
    client.force_login(coordinator)

    response = client.post(cancel_url(seated))

    assert response.status_code == 302
    assert response["Location"] == reverse("inscripciones:index")
    statuses = {e.pk: e.status for e in Enrolment.objects.all()}
    assert statuses == {
        seated.pk: Enrolment.Status.CANCELLED,
        first.pk: Enrolment.Status.ACTIVE,
        second.pk: Enrolment.Status.WAITLISTED,
    }
    log = list(EnrolmentEvent.objects.filter(actor=coordinator).values_list("enrolment_id", "kind"))
    assert log == [(seated.pk, EnrolmentEvent.Kind.CANCELLED), (first.pk, EnrolmentEvent.Kind.PROMOTED)]


def test_get_shows_a_confirmation_in_spanish_and_cancels_nothing(client, full_course):
    seated, _first, _second = full_course
    client.force_login(UserFactory(role="coordinacion"))

    response = client.get(cancel_url(seated))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Sí, cancelar inscripción" in body
    assert "primera persona de la lista de espera" in body
    assert 'method="post"' in body
    seated.refresh_from_db()
    assert seated.status == Enrolment.Status.ACTIVE
    assert not EnrolmentEvent.objects.filter(kind=EnrolmentEvent.Kind.CANCELLED).exists()


def test_the_enrolment_list_offers_the_cancel_action_to_coordination_for_open_enrolments_only(client, full_course):
    seated, first, _second = full_course
    client.force_login(UserFactory(role="coordinacion"))
    client.post(cancel_url(seated))

    body = client.get(reverse("inscripciones:index")).content.decode()

    assert "Cancelar inscripción" in body
    assert cancel_url(first) in body
    assert cancel_url(seated) not in body


def test_an_admin_may_cancel_too(client, full_course):
    seated, first, _second = full_course
    client.force_login(UserFactory(role="administracion"))
    client.post(cancel_url(seated))
    first.refresh_from_db()
    assert first.status == Enrolment.Status.ACTIVE


@pytest.mark.parametrize("role", ["aprendiz", "mentor"])
def test_a_learner_or_a_mentor_cannot_reach_the_cancel_view(client, full_course, role):
    seated, first, _second = full_course
    client.force_login(UserFactory(role=role))

    for response in (client.get(cancel_url(seated)), client.post(cancel_url(seated))):
        # The Wagtail admin turns away people without admin access: back to its login page.
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    seated.refresh_from_db()
    first.refresh_from_db()
    assert (seated.status, first.status) == (Enrolment.Status.ACTIVE, Enrolment.Status.WAITLISTED)
    assert not EnrolmentEvent.objects.filter(kind=EnrolmentEvent.Kind.CANCELLED).exists()


def test_a_mentor_who_somehow_has_admin_access_is_still_refused(client, full_course):
    from django.contrib.auth.models import Permission

    seated, _first, _second = full_course
    mentor = UserFactory(role="mentor")
    mentor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(mentor)

    response = client.post(cancel_url(seated))

    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith(reverse("inscripciones:index"))
    seated.refresh_from_db()
    assert seated.status == Enrolment.Status.ACTIVE


def test_anonymous_visitors_are_sent_to_the_login(client, full_course):
    seated, _first, _second = full_course
    response = client.post(cancel_url(seated))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    seated.refresh_from_db()
    assert seated.status == Enrolment.Status.ACTIVE
