import pytest

from cms.accounts.models import User
from cms.accounts.roles import Role, has_role
from tests.factories import UserFactory

INDEX = "/admin/personas/"
CREATE = "/admin/personas/nueva/"


def _reset_url(user) -> str:
    return f"/admin/personas/{user.pk}/clave/"


def _denied(response) -> bool:
    """403, or Wagtail's redirect to the admin home / login page (never to the Personas list)."""
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (location == "/admin/" or location.startswith("/admin/login/"))


@pytest.mark.django_db
def test_a_coordinator_sees_learners_but_not_staff_in_personas(client):
    learner = UserFactory(role="aprendiz", username="rosa")
    UserFactory(role="mentor", username="mentora")
    client.force_login(UserFactory(role="coordinacion"))
    response = client.get(INDEX)
    body = response.content.decode()
    assert response.status_code == 200
    assert learner.username in body and "mentora" not in body
    assert "Personas" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_a_coordinator_creates_a_learner_account_with_a_temporary_password(client):
    client.force_login(UserFactory(role="coordinacion"))
    response = client.post(
        CREATE,
        {
            "username": "luz.perez",
            "first_name": "Luz",
            "last_name": "Pérez",
            "password": "mango-maduro-44",
            "phone": "0991234567",
            "email": "",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="luz.perez")
    assert user.check_password("mango-maduro-44")
    assert has_role(user, Role.LEARNER) and not user.is_staff
    assert user.consent_version is None  # the learner accepts at first login


@pytest.mark.django_db
def test_bad_input_when_creating_an_account_is_shown_in_spanish_and_kept(client):
    client.force_login(UserFactory(role="coordinacion"))
    response = client.post(
        CREATE,
        {
            "username": "luz perez",
            "first_name": "Luz",
            "last_name": "",
            "password": "mango-maduro-44",
            "phone": "abc",
            "email": "",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Escribe solo números" in body
    assert 'value="Luz"' in body
    assert not User.objects.filter(first_name="Luz").exists()


@pytest.mark.django_db
def test_a_coordinator_resets_a_learners_password(client):
    learner = UserFactory(role="aprendiz")
    client.force_login(UserFactory(role="coordinacion"))
    response = client.post(_reset_url(learner), {"password": "pan-de-yuca-2026"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("pan-de-yuca-2026")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["mentor", "jurado", "coordinacion", "administracion"])
def test_a_coordinator_cannot_reset_a_staff_password(client, role):
    staff = UserFactory(role=role)
    client.force_login(UserFactory(role="coordinacion"))
    # Wagtail turns PermissionDenied into a redirect to the admin home with an error message.
    assert _denied(client.get(_reset_url(staff)))
    assert _denied(client.post(_reset_url(staff), {"password": "pan-de-yuca-2026"}))
    staff.refresh_from_db()
    assert not staff.check_password("pan-de-yuca-2026")


@pytest.mark.django_db
def test_an_admin_can_reset_a_coordinators_password(client):
    coordinator = UserFactory(role="coordinacion")
    client.force_login(UserFactory(role="administracion"))
    assert client.post(_reset_url(coordinator), {"password": "pan-de-yuca-2026"}).status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("pan-de-yuca-2026")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["aprendiz", "mentor", "jurado"])
def test_people_who_are_not_coordinators_cannot_use_personas(client, role):
    learner = UserFactory(role="aprendiz")
    client.force_login(UserFactory(role=role))
    for url in (INDEX, CREATE, _reset_url(learner)):
        assert _denied(client.get(url))
    client.post(_reset_url(learner), {"password": "pan-de-yuca-2026"})
    learner.refresh_from_db()
    assert not learner.check_password("pan-de-yuca-2026")
