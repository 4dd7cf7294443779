from pathlib import Path

import pytest
from django.core import signing

from lms.h5p.services import h5p_package_import
from lms.h5p.signing import h5p_token_issue
from tests.factories import UserFactory

FIXTURES = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures" / "h5p"
CONTENT_HOST = "127.0.0.1:8001"


@pytest.fixture(autouse=True)
def _h5p_root(settings, tmp_path):
    settings.H5P_ROOT = tmp_path / "h5p"


@pytest.fixture
def activity(db):
    with (FIXTURES / "valid" / "true-false.h5p").open("rb") as upload:
        return h5p_package_import(upload=upload)[0]


@pytest.fixture
def token(activity):
    return h5p_token_issue(user_id=UserFactory().pk, activity_id=activity.pk, lesson_id=1)


def test_the_content_origin_serves_package_files_with_a_valid_token(client, token):
    response = client.get(f"/h5p-contenido/{token}/paquete/h5p.json", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 200
    assert b"H5P.TrueFalse" in b"".join(response.streaming_content)
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_player_page_may_be_framed_only_by_the_main_origin(client, token, settings):
    response = client.get(f"/h5p-contenido/{token}/", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert f"frame-ancestors {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}" in policy
    assert "h5p-standalone/main.bundle" in response.content.decode()


def test_a_tampered_token_is_refused(client, token):
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(f"/h5p-contenido/{forged}/paquete/h5p.json", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 403


def test_a_token_for_another_activity_cannot_be_forged_by_editing_its_data(client, activity):
    unsigned = signing.dumps({"u": 1, "a": activity.pk, "l": 1}, salt="another-salt")
    response = client.get(f"/h5p-contenido/{unsigned}/paquete/h5p.json", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 403


def test_an_expired_token_is_refused(client, token, settings):
    settings.H5P_URL_MAX_AGE_SECONDS = -1
    response = client.get(f"/h5p-contenido/{token}/paquete/h5p.json", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 403


def test_a_path_outside_the_package_is_not_served(client, token):
    response = client.get(f"/h5p-contenido/{token}/paquete/../../settings.py", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 404


def test_the_main_origin_never_serves_package_files(client, token):
    response = client.get(f"/h5p-contenido/{token}/paquete/h5p.json")
    assert response.status_code == 404


def test_the_content_origin_serves_nothing_of_the_main_site(client):
    assert client.get("/cuenta/entrar/", HTTP_HOST=CONTENT_HOST).status_code == 404
    assert client.get("/admin/", HTTP_HOST=CONTENT_HOST).status_code == 404


def test_the_licence_page_shows_the_h5p_core_gpl_notice(client):
    page = client.get("/h5p/licencias/").content.decode()
    assert "GPL-3.0" in page and "h5p-standalone" in page and "MIT License" in page
