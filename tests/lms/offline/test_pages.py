"""The download offer on the module page, "Este es mi teléfono" and "Mis descargas"."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
OFFER = "Descargar para estudiar sin conexión"


def test_no_offer_on_a_device_not_marked_as_her_own(client, pack):
    client.force_login(pack.learner)
    html = client.get(pack.module.url).content.decode()
    assert OFFER not in html
    assert "Este es mi teléfono" in html


def test_marking_the_phone_shows_size_and_cost_in_spanish(client, pack, settings):
    settings.SEMILLA_PRICE_PER_MB_USD = "0.04"
    client.force_login(pack.learner)
    response = client.post(reverse("offline:own_device"), {"propio": "1", "next": pack.module.url})
    assert response.status_code == 302 and response["Location"] == pack.module.url
    assert response.cookies["semilla_mi_telefono"].value == "1"
    assert response.cookies["semilla_mi_telefono"]["httponly"]
    html = client.get(pack.module.url).content.decode()
    assert f"{OFFER} (0,0 MB · aprox. USD 0,01 con datos prepago)" in html
    assert reverse("offline:manifest", kwargs={"module_id": pack.module.id}) in html


def test_someone_not_enrolled_gets_no_offer(client, pack):
    client.force_login(UserFactory(role="aprendiz"))
    client.cookies["semilla_mi_telefono"] = "1"
    html = client.get(pack.module.url).content.decode()
    assert OFFER not in html and "Este es mi teléfono" not in html


def test_own_device_refuses_an_outside_redirect(client, pack):
    client.force_login(pack.learner)
    response = client.post(reverse("offline:own_device"), {"propio": "1", "next": "https://malo.example/"})
    assert response["Location"] == reverse("offline:my_downloads")


def test_my_downloads_says_what_to_do_without_javascript(client, pack):
    client.force_login(pack.learner)
    html = client.get("/aprender/mis-descargas/").content.decode()
    assert "<noscript>" in html
    assert "necesitas un teléfono con JavaScript" in html
    assert "siguen disponibles en línea" in html
    client.logout()
    assert client.get("/aprender/mis-descargas/").status_code == 302


def test_the_service_worker_is_served_under_aprender_and_scripts_only_on_her_own_device(client, pack):
    response = client.get("/aprender/offline-sw.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    assert b"semilla-pack-" in response.content
    client.force_login(pack.learner)
    assert "/semilla/offline." not in client.get("/aprender/mis-descargas/").content.decode()
    assert "/semilla/offline." not in client.get(pack.module.url).content.decode()
    client.cookies["semilla_mi_telefono"] = "1"
    assert "/semilla/offline." in client.get("/aprender/mis-descargas/").content.decode()
    assert "/semilla/offline." in client.get(pack.module.url).content.decode()
