"""PostgreSQL or Redis unreachable in the middle of a signed-in request: "Volvemos enseguida" (503) in
Spanish, never a stack trace; and the same page as a static file for the front server (nginx error_page)."""

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from cms.accounts.selectors import consent_current
from tests.factories import UserFactory

LEAKS = ("Traceback", "OperationalError", "ConnectionError", "Connection refused", "psycopg", "redis")


def _learner():
    return UserFactory(role="aprendiz", consent_version=consent_current(), consent_accepted_at=timezone.now())


def _assert_volvemos(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"]
    text = response.content.decode()
    assert "Volvemos enseguida" in text
    for leak in LEAKS:
        assert leak not in text


@pytest.mark.django_db
def test_a_database_that_stops_answering_mid_session_gives_503_in_spanish(monkeypatch, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # sessions: database
    client = Client(raise_request_exception=False)
    client.force_login(_learner())

    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    # Every query fails, from the session middleware's first one on: the error never reaches a view.
    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)
    _assert_volvemos(client.get("/inicio/"))


@pytest.mark.django_db
def test_redis_connection_error_from_the_channel_layer_or_cache_gives_503(monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(_learner())

    def unreachable(self, request):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    # The page-route middleware runs on every signed-in page: the outage is raised outside any view.
    monkeypatch.setattr("cms.page_cache.PageRouteMiddleware.__call__", unreachable)
    _assert_volvemos(client.get("/inicio/"))


def test_the_front_servers_page_is_the_same_volvemos_enseguida_page(tmp_path):
    call_command("write_unavailable_page", str(tmp_path / "errors"))
    text = (tmp_path / "errors" / "503.html").read_text(encoding="utf-8")
    assert "Volvemos enseguida" in text and '<html lang="es">' in text
    assert "/static/" in text  # its stylesheet comes from nginx, which still answers when workers do not
