"""One function says where a request came from; a client cannot choose the answer (issue 15, item 4)."""

from pathlib import Path

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from cms.client_ip import client_ip

ROOT = Path(__file__).resolve().parents[2]


def _request(peer: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_by_default_the_socket_peer_is_the_client_and_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 0, []
    assert client_ip(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_one_proxy_the_address_it_appended_counts_not_what_the_client_wrote(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 1, []
    # The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it really saw.
    assert client_ip(_request("10.0.0.2", "1.2.3.4, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(_request("10.0.0.2", "203.0.113.7")) == "203.0.113.7"
    assert client_ip(_request("10.0.0.2")) == "10.0.0.2"  # no header: only the peer is known


def test_behind_two_proxies_the_second_address_from_the_right_counts(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 2, []
    assert client_ip(_request("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2")) == "203.0.113.7"


def test_with_known_proxy_addresses_the_header_counts_only_when_a_proxy_sent_it(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 0, ["10.0.0.0/24"]
    assert client_ip(_request("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.5")) == "203.0.113.7"
    assert client_ip(_request("198.51.100.9", "203.0.113.7")) == "198.51.100.9"  # straight from outside


def test_axes_asks_the_same_function(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 1, []
    request = _request("10.0.0.2", "1.2.3.4, 203.0.113.7")
    assert settings.AXES_CLIENT_IP_CALLABLE == "cms.client_ip.client_ip"
    assert get_client_ip_address(request) == "203.0.113.7"


def test_the_containers_servers_do_not_take_the_address_from_the_header():
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text(encoding="utf-8")
    command = next(line for line in dockerfile.splitlines() if line.startswith("CMD"))
    assert "gunicorn" in command and "--proxy-headers" not in command and "forwarded" not in command
    compose = (ROOT / "docker" / "compose.yaml").read_text(encoding="utf-8")
    daphne = next(line for line in compose.splitlines() if '["daphne"' in line)
    assert "--proxy-headers" not in daphne
    assert "TRUSTED_PROXY_COUNT" in compose


@pytest.mark.django_db
def test_wrong_guesses_behind_the_proxy_lock_the_real_address_whatever_header_is_sent(client, settings):
    from cms.accounts.models import User

    settings.TRUSTED_PROXY_COUNT = 1
    settings.SEMILLA_LOGIN_THROTTLE_AFTER = 1000  # only axes' (username, address) lockout in play here
    User.objects.create_user(username="rosa", password="clave-segura-123")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/cuenta/entrar/",
            {"username": "rosa", "password": f"mala-{n}"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 203.0.113.7",
        )
    response = client.post(
        "/cuenta/entrar/",
        {"username": "rosa", "password": "clave-segura-123"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
