import re

import pytest

from cms.accounts.models import ConsentVersion, User
from cms.accounts.roles import Role, has_role

URL = "/cuenta/registro/"
GOOD = {
    "username": "maria.lopez",
    "first_name": "María",
    "last_name": "López",
    "password1": "girasol-del-valle-7",
    "password2": "girasol-del-valle-7",
    "phone": "",
    "email": "",
}


@pytest.mark.django_db
def test_the_signup_page_shows_the_current_consent_text_in_spanish(client):
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Versión 2026-11" in body
    assert "Nunca te preguntamos tu situación migratoria" in body
    assert "borremos tu cuenta" in body


@pytest.mark.django_db
def test_signup_with_consent_creates_a_learner_who_recorded_version_and_time(client):
    response = client.post(URL, {**GOOD, "consent": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/cuenta/perfil/?nuevo=1"
    user = User.objects.get(username="maria.lopez")
    assert user.consent_version == ConsentVersion.objects.get(version="2026-11")
    assert user.consent_accepted_at is not None
    assert user.email == "" and user.phone == ""
    assert has_role(user, Role.LEARNER)
    assert not user.is_staff
    assert client.get("/inicio/").status_code == 200


@pytest.mark.django_db
def test_signup_without_consent_creates_nothing_and_says_why_next_to_the_box(client):
    response = client.post(URL, GOOD)
    body = response.content.decode()
    assert response.status_code == 200
    assert not User.objects.filter(username="maria.lopez").exists()
    assert response.context["form"].errors["consent"] == [
        "Para crear tu cuenta tienes que aceptar el uso de tus datos."
    ]
    assert 'id="id_consent_error"' in body
    assert 'value="maria.lopez"' in body and 'value="López"' in body


@pytest.mark.django_db
def test_signup_rejects_different_passwords_and_a_taken_username_in_spanish(client):
    User.objects.create_user(username="Maria.Lopez", password="x-y-z-12345678")
    response = client.post(URL, {**GOOD, "password2": "otra-cosa-123", "consent": "on"})
    errors = response.context["form"].errors
    # Whether the name is free is only asked once the rest of the form is right (test_signup_enumeration.py).
    assert "username" not in errors
    assert errors["password2"] == ["Las dos contraseñas no son iguales."]
    response = client.post(URL, {**GOOD, "consent": "on"})
    assert response.context["form"].errors["username"][0].startswith("Ese nombre de usuario no está disponible.")
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_signup_rejects_a_weak_password_next_to_the_field(client):
    response = client.post(URL, {**GOOD, "password1": "12345678", "password2": "12345678", "consent": "on"})
    assert "password1" in response.context["form"].errors
    assert "contraseña" in " ".join(response.context["form"].errors["password1"]).lower()
    assert not User.objects.filter(username="maria.lopez").exists()


@pytest.mark.django_db
def test_signup_is_closed_while_no_consent_text_is_published(client):
    ConsentVersion.objects.all().delete()
    response = client.post(URL, {**GOOD, "consent": "on"})
    assert response.status_code == 200
    assert "no se pueden crear cuentas" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_login_page_links_to_signup(client):
    assert 'href="/cuenta/registro/"' in client.get("/cuenta/entrar/").content.decode()


@pytest.mark.django_db
def test_every_help_or_error_text_a_field_points_to_exists(client):
    body = client.post(URL, {**GOOD, "password2": "otra"}).content.decode()
    referenced = set(re.findall(r'aria-describedby="([^"]+)"', body))
    assert referenced
    for ids in referenced:
        for element_id in ids.split():
            assert f'id="{element_id}"' in body, element_id
