"""Redis or the database unreachable: pages keep working or say "Volvemos enseguida" (503), /healthz says what is down.

Redis is pointed at a loopback port nobody listens on: connection refused, at once and every time.
"""

import logging
import socket

import pytest
from channels_redis.core import RedisChannelLayer
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client
from django.urls import path
from django.utils import timezone

from cms.accounts.selectors import consent_current
from cms.cache import ResilientRedisCache
from cms.cache_settings import redis_cache_settings
from cms.urls import handler500 as project_handler500
from cms.urls import urlpatterns as project_urlpatterns
from tests.factories import UserFactory


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket closes: nothing listens there


@pytest.fixture
def dead_redis_url() -> str:
    return f"redis://127.0.0.1:{_closed_port()}/0"


@pytest.fixture
def redis_down(settings, dead_redis_url, monkeypatch):
    """The project's Redis cache settings, pointed at nothing."""
    settings.CACHES = {"default": redis_cache_settings(dead_redis_url)}
    monkeypatch.setattr(ResilientRedisCache, "_last_logged", 0.0)  # no earlier test's outage silences the log
    return dead_redis_url


def _client() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_the_login_page_and_a_signed_in_page_work_with_redis_down(redis_down, caplog):
    learner = UserFactory(role="aprendiz", consent_version=consent_current(), consent_accepted_at=timezone.now())
    client = _client()
    with caplog.at_level(logging.WARNING, logger="semilla.cache"):
        assert client.get("/cuenta/entrar/").status_code == 200
        client.force_login(learner)  # the session is written to the database; the cache write is dropped
        response = client.get("/inicio/")
    assert response.status_code == 200
    assert response.wsgi_request.user == learner  # the session was read back from the database
    warnings = [r for r in caplog.records if r.name == "semilla.cache"]
    assert len(warnings) == 1, "an outage is logged once per interval, not once per cache call"


@pytest.mark.django_db
def test_the_cache_behaves_as_a_miss_when_redis_is_down(redis_down):
    assert cache.get("some-key", "default") == "default"
    cache.set("some-key", "value")
    assert cache.add("other", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    with pytest.raises(ValueError):
        cache.incr("counter")


@pytest.mark.django_db
def test_healthz_is_503_naming_the_cache_and_channel_layer_when_redis_is_down(redis_down, monkeypatch):
    layer = RedisChannelLayer(hosts=[redis_down])
    monkeypatch.setattr("cms.home.health.get_channel_layer", lambda: layer)
    response = _client().get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] is True and body["cache"] is False and body["channel_layer"] is False
    assert body["down"] == ["cache", "channel_layer"]


@pytest.mark.django_db
def test_healthz_is_503_naming_the_database_when_it_is_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)
    response = _client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] is False
    assert "database" in response.json()["down"]


def _database_down(request):
    raise OperationalError("could not connect to server: Connection refused")


def _redis_down(request):
    raise ConnectionRefusedError(111, "Connection refused")


urlpatterns = [path("caida/base/", _database_down), path("caida/redis/", _redis_down), *project_urlpatterns]
handler500 = project_handler500  # the project's own, as cms.urls declares it


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/caida/base/", "/caida/redis/"])
def test_a_service_down_shows_volvemos_enseguida_in_spanish_with_503(url):
    response = _client().get(url)
    assert response.status_code == 503
    text = response.content.decode()
    assert "Volvemos enseguida" in text
    assert "Traceback" not in text and "OperationalError" not in text and "Connection refused" not in text
    assert 'href="/"' in text
