"""Logging out: a shared computer keeps nothing; on her own phone she first chooses what to keep."""

import pytest
from django.urls import reverse

from cms.accounts.devices import CLEAR_EVERYTHING

pytestmark = pytest.mark.django_db
LOGOUT = "/cuenta/salir/"


def _signed_in(client, pack, *, own: bool):
    client.force_login(pack.learner)
    if own:
        client.cookies["semilla_mi_telefono"] = "1"
    return client


def _still_signed_in(client) -> bool:
    return client.get(reverse("accounts:session_status")).json()["authenticated"]


def test_a_shared_computer_logs_out_at_once_clearing_everything(client, pack):
    _signed_in(client, pack, own=False)
    response = client.post(LOGOUT)
    assert response.status_code == 302 and response["Location"] == "/cuenta/entrar/?motivo=salida"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert not _still_signed_in(client)


def test_a_shared_computer_ignores_a_keep_choice(client, pack):
    _signed_in(client, pack, own=False)
    response = client.post(LOGOUT, {"descargas": "guardar"})
    assert response["Clear-Site-Data"] == CLEAR_EVERYTHING


def test_on_her_own_phone_logout_first_asks_what_to_keep_in_spanish(client, pack):
    _signed_in(client, pack, own=True)
    response = client.post(LOGOUT)
    assert response.status_code == 200 and "Clear-Site-Data" not in response
    html = response.content.decode()
    assert "Guardar mis descargas en este teléfono" in html and "Borrar todo" in html
    assert 'name="descargas" value="guardar"' in html and 'name="descargas" value="borrar"' in html
    assert "/semilla/offline." in html  # with JavaScript, unsent answers are sent (or kept) before leaving
    assert "Conéctate a internet antes de salir" in html
    assert _still_signed_in(client)


def test_keeping_downloads_ends_the_session_but_clears_only_the_http_cache(client, pack):
    _signed_in(client, pack, own=True)
    response = client.post(LOGOUT, {"descargas": "guardar"})
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'  # Cache Storage (packs) and IndexedDB (outbox) stay
    assert response.cookies["sessionid"].value == ""  # the session cookie is deleted
    assert not _still_signed_in(client)


def test_erasing_everything_clears_as_on_a_shared_computer(client, pack):
    _signed_in(client, pack, own=True)
    response = client.post(LOGOUT, {"descargas": "borrar"})
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert not _still_signed_in(client)


def test_an_unknown_choice_asks_again(client, pack):
    _signed_in(client, pack, own=True)
    response = client.post(LOGOUT, {"descargas": "todo"})
    assert response.status_code == 200 and _still_signed_in(client)


def test_someone_already_signed_out_is_not_asked(client):
    client.cookies["semilla_mi_telefono"] = "1"
    response = client.post(LOGOUT)
    assert response.status_code == 302 and response["Clear-Site-Data"] == CLEAR_EVERYTHING


def test_a_get_still_does_not_log_out(client, pack):
    _signed_in(client, pack, own=True)
    assert client.get(LOGOUT).status_code == 405
    assert _still_signed_in(client)
