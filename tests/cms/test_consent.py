import pytest

from cms.accounts.models import ConsentVersion
from cms.accounts.selectors import consent_current
from cms.accounts.services import consent_accept
from tests.factories import UserFactory

PASSWORD = "clave-segura-123"


def _login(client, user):
    return client.post("/cuenta/entrar/", {"username": user.username, "password": PASSWORD})


@pytest.fixture
def learner_with_old_consent(db):
    user = UserFactory(role="aprendiz")
    consent_accept(user=user, version=ConsentVersion.objects.get(version="2026-11"))
    ConsentVersion.objects.create(version="2027-03", body="Texto nuevo: ahora también guardamos la asistencia.")
    return user


@pytest.mark.django_db
def test_a_learner_who_accepted_the_current_text_goes_straight_in(client):
    user = UserFactory(role="aprendiz")
    consent_accept(user=user, version=consent_current())
    response = _login(client, user)
    assert response.status_code == 302
    assert "/cuenta/consentimiento/" not in response["Location"]


def test_a_learner_who_accepted_an_older_text_is_asked_again_at_login(client, learner_with_old_consent):
    response = _login(client, learner_with_old_consent)
    assert response["Location"].startswith("/cuenta/consentimiento/")
    body = client.get(response["Location"]).content.decode()
    assert "ahora también guardamos la asistencia" in body
    # Until they answer, other pages lead back to the consent form.
    blocked = client.get("/inicio/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/cuenta/consentimiento/")


def test_refusing_keeps_asking_and_accepting_records_the_new_version(client, learner_with_old_consent):
    _login(client, learner_with_old_consent)
    refused = client.post("/cuenta/consentimiento/", {"next": "/inicio/"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["consent"] == ["Para seguir tienes que aceptar el uso de tus datos."]
    accepted = client.post("/cuenta/consentimiento/", {"next": "/inicio/", "consent": "on"})
    assert accepted["Location"] == "/inicio/"
    learner_with_old_consent.refresh_from_db()
    assert learner_with_old_consent.consent_version.version == "2027-03"
    assert client.get("/inicio/").status_code == 200


def test_the_consent_form_never_redirects_to_another_site(client, learner_with_old_consent):
    _login(client, learner_with_old_consent)
    response = client.post("/cuenta/consentimiento/", {"next": "https://malo.example/", "consent": "on"})
    assert response["Location"] == "/inicio/"


@pytest.mark.django_db
def test_staff_are_not_asked_for_the_learners_consent(client):
    coordinator = UserFactory(role="coordinacion")
    response = _login(client, coordinator)
    assert "/cuenta/consentimiento/" not in response["Location"]


@pytest.mark.django_db
def test_the_consent_text_is_public(client):
    assert "Nunca te preguntamos" in client.get("/cuenta/datos/").content.decode()


@pytest.mark.django_db
def test_a_coordinator_publishes_a_new_consent_version_in_the_wagtail_admin(client):
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get("/admin/consentimiento/").status_code == 200
    response = client.post("/admin/consentimiento/new/", {"version": "2027-01", "body": "Texto nuevo."})
    assert response.status_code == 302
    assert consent_current().version == "2027-01"


@pytest.mark.django_db
def test_a_learner_cannot_publish_a_consent_version(client):
    client.force_login(UserFactory(role="aprendiz"))
    client.post("/admin/consentimiento/new/", {"version": "2027-01", "body": "Texto nuevo."})
    assert consent_current().version == "2026-11"


@pytest.mark.django_db
def test_a_learner_whose_account_a_coordinator_opened_accepts_at_first_login(client):
    user = UserFactory(role="aprendiz")
    assert user.consent_version is None
    response = _login(client, user)
    assert response["Location"].startswith("/cuenta/consentimiento/")
    client.post("/cuenta/consentimiento/", {"consent": "on"})
    user.refresh_from_db()
    assert user.consent_version == consent_current()
