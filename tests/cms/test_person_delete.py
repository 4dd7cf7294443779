"""Deleting a person who has chat messages (or certificates, scores...) is refused in Spanish, never a 500."""

import pytest
from django.test import Client
from django.utils import timezone

from cms.accounts.models import User
from incubator.mentoring.models import MentoringSession, RoomMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REFUSAL = "No se puede borrar a esta persona porque tiene mensajes de la sala"


@pytest.fixture
def learner_with_a_message():
    mentor = UserFactory(role="mentor")
    learner = UserFactory(role="aprendiz")
    session = MentoringSession.objects.create(
        topic="Costos",
        starts_at=timezone.now(),
        ends_at=timezone.now() + timezone.timedelta(hours=1),
        created_by=mentor,
    )
    RoomMessage.objects.create(session=session, author=learner, text="Hola", seq=1)
    return learner


@pytest.fixture
def admin_client():
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _refused(response) -> bool:
    return response.status_code == 200 and REFUSAL in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_wagtail_users_admin_refuses_in_spanish(admin_client, learner_with_a_message, method):
    url = f"/admin/users/delete/{learner_with_a_message.pk}/"
    assert _refused(getattr(admin_client, method)(url, follow=True))
    assert User.objects.filter(pk=learner_with_a_message.pk).exists()


def test_the_wagtail_bulk_delete_refuses_in_spanish(admin_client, learner_with_a_message):
    other = UserFactory(role="aprendiz")
    url = f"/admin/bulk/accounts/user/delete/?id={learner_with_a_message.pk}&id={other.pk}"
    assert _refused(admin_client.post(url, follow=True))
    assert User.objects.filter(pk__in=[learner_with_a_message.pk, other.pk]).count() == 2


@pytest.mark.parametrize("method", ["get", "post"])
def test_django_admin_refuses_in_spanish(admin_client, learner_with_a_message, method):
    url = f"/django-admin/accounts/user/{learner_with_a_message.pk}/delete/"
    assert _refused(getattr(admin_client, method)(url, {"post": "yes"} if method == "post" else None, follow=True))
    assert User.objects.filter(pk=learner_with_a_message.pk).exists()


def test_a_person_without_records_can_still_be_deleted(admin_client):
    person = UserFactory(role="aprendiz")
    response = admin_client.post(f"/admin/users/delete/{person.pk}/")
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
