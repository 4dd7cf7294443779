"""Shared-computer rules: idle and absolute limits, no-store, logout wipes the browser, axes."""

import types

import pytest

from cms.accounts import middleware, views
from tests.factories import UserFactory

PASSWORD = "clave-segura-123"


@pytest.fixture
def clock(monkeypatch):
    """A fake clock for the session middleware and the status view only."""
    now = {"t": 1_800_000_000.0}
    fake = types.SimpleNamespace(time=lambda: now["t"])
    monkeypatch.setattr(middleware, "time", fake)
    monkeypatch.setattr(views, "time", fake)

    def advance(seconds: int) -> None:
        now["t"] += seconds

    return advance


@pytest.fixture
def limits(settings):
    settings.SEMILLA_IDLE_SECONDS_LEARNER = 15 * 60
    settings.SEMILLA_IDLE_SECONDS_STAFF = 10 * 60
    settings.SEMILLA_ABSOLUTE_SESSION_SECONDS = 8 * 60 * 60


def _is_logged_out_for(response, reason: str) -> bool:
    return response.status_code == 302 and response["Location"] == f"/cuenta/entrar/?motivo={reason}"


@pytest.mark.django_db
def test_a_learner_stays_in_after_eleven_idle_minutes_but_staff_do_not(client, clock, limits):
    learner, mentor = UserFactory(role="aprendiz"), UserFactory(role="mentor")
    staff_client = client.__class__()
    client.force_login(learner)
    staff_client.force_login(mentor)
    assert client.get("/inicio/").status_code == 200
    assert staff_client.get("/inicio/").status_code == 200
    clock(11 * 60)
    assert client.get("/inicio/").status_code == 200
    assert _is_logged_out_for(staff_client.get("/inicio/"), "inactividad")
    assert "_auth_user_id" not in staff_client.session


@pytest.mark.django_db
def test_a_learner_is_logged_out_after_fifteen_idle_minutes(client, clock, limits):
    client.force_login(UserFactory(role="aprendiz"))
    client.get("/inicio/")
    clock(15 * 60 + 1)
    assert _is_logged_out_for(client.get("/inicio/"), "inactividad")
    follow = client.get("/inicio/")
    assert follow.status_code == 302 and follow["Location"].startswith("/cuenta/entrar/?next=")
    notice = client.get("/cuenta/entrar/?motivo=inactividad").content.decode()
    assert "Cerramos tu sesión porque no hubo actividad" in notice


@pytest.mark.django_db
def test_the_idle_limits_come_from_settings(client, clock, settings):
    settings.SEMILLA_IDLE_SECONDS_LEARNER = 60
    client.force_login(UserFactory(role="aprendiz"))
    client.get("/inicio/")
    clock(61)
    assert _is_logged_out_for(client.get("/inicio/"), "inactividad")


@pytest.mark.django_db
def test_an_active_session_still_ends_after_eight_hours(client, clock, limits):
    client.force_login(UserFactory(role="aprendiz"))
    client.get("/inicio/")
    for _ in range(8 * 6):  # a click every 10 minutes for 8 hours
        clock(10 * 60)
        assert client.get("/inicio/").status_code == 200
    clock(10 * 60)
    assert _is_logged_out_for(client.get("/inicio/"), "limite")


@pytest.mark.django_db
def test_the_status_ping_does_not_count_as_activity(client, clock, limits):
    client.force_login(UserFactory(role="aprendiz"))
    client.get("/inicio/")
    clock(14 * 60)
    assert client.get("/cuenta/sesion/estado/").json()["seconds_left"] == 60
    clock(2 * 60)
    assert _is_logged_out_for(client.get("/inicio/"), "inactividad")


@pytest.mark.django_db
def test_authenticated_pages_are_never_stored_by_the_browser(client):
    client.force_login(UserFactory(role="aprendiz"))
    for url in ("/inicio/", "/cuenta/perfil/"):
        assert client.get(url)["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_base_pages_carry_the_idle_warning_and_a_no_js_refresh(client, settings):
    settings.SEMILLA_IDLE_SECONDS_LEARNER = 900
    client.force_login(UserFactory(role="aprendiz"))
    body = client.get("/inicio/").content.decode()
    assert 'id="aviso-inactividad"' in body
    assert 'content="905;url=/cuenta/entrar/?motivo=inactividad"' in body
    assert "session" in body and "<script src=" in body


@pytest.mark.django_db
def test_logout_is_a_post_that_clears_the_site_data(client):
    client.force_login(UserFactory(role="aprendiz"))
    response = client.post("/cuenta/salir/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_get_to_logout_does_not_log_out(client):
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get("/cuenta/salir/").status_code == 405
    assert client.get("/inicio/").status_code == 200


@pytest.mark.django_db
def test_five_bad_passwords_lock_that_name_from_that_computer_but_not_the_others(client, settings):
    settings.AXES_ENABLED = True
    victim, neighbour = UserFactory(role="aprendiz"), UserFactory(role="aprendiz")
    for _ in range(5):
        response = client.post("/cuenta/entrar/", {"username": victim.username, "password": "mala"})
    locked = client.post("/cuenta/entrar/", {"username": victim.username, "password": PASSWORD})
    assert locked.status_code in (403, 429)
    assert "Escribiste mal la contraseña 5 veces" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    same_ip = client.__class__()
    response = same_ip.post("/cuenta/entrar/", {"username": neighbour.username, "password": PASSWORD})
    assert response.status_code == 302
    assert same_ip.session["_auth_user_id"] == str(neighbour.pk)


@pytest.mark.django_db
def test_four_bad_passwords_do_not_lock(client):
    user = UserFactory(role="aprendiz")
    for _ in range(4):
        bad = client.post("/cuenta/entrar/", {"username": user.username, "password": "mala"})
    assert "Usuario o contraseña incorrectos" in bad.content.decode()
    assert client.post("/cuenta/entrar/", {"username": user.username, "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_a_page_seen_seconds_ago_does_not_write_the_session_again(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory())
    client.get("/inicio/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/inicio/")
    assert not any("django_session" in q["sql"] and q["sql"].startswith("UPDATE") for q in ctx.captured_queries)


@pytest.mark.django_db
def test_a_status_ping_that_ends_the_session_says_where_the_notice_is(client, clock, limits):
    client.force_login(UserFactory(role="aprendiz"))
    client.get("/inicio/")
    clock(15 * 60 + 1)
    response = client.get("/cuenta/sesion/estado/")
    assert response.status_code == 200
    assert response.json() == {
        "authenticated": False,
        "seconds_left": 0,
        "login": "/cuenta/entrar/?motivo=inactividad",
    }
    assert response["Cache-Control"] == "no-store"
    assert "_auth_user_id" not in client.session
