import os
from pathlib import Path

import pytest
from django.core import signing

from lms.h5p.services import h5p_package_import
from lms.h5p.signing import h5p_token_issue
from tests.factories import UserFactory

# Beside the project (../shared/fixtures/h5p); SEMILLA_H5P_FIXTURES points elsewhere (a git worktree).
FIXTURES = Path(
    os.environ.get("SEMILLA_H5P_FIXTURES") or Path(__file__).resolve().parents[3].parent / "shared" / "fixtures" / "h5p"
)
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


# --- Isolation: every response of the content origin is inert unless it is the player ---------------


def _package_dir(activity, settings):
    return Path(settings.H5P_ROOT) / activity.sha256


def _policy(response) -> dict[str, str]:
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";") if d.strip()]
    return {d.split()[0]: " ".join(d.split()[1:]) for d in directives}


def test_package_files_carry_a_sandboxing_policy_and_nosniff(client, token):
    response = client.get(f"/h5p-contenido/{token}/paquete/h5p.json", HTTP_HOST=CONTENT_HOST)
    policy = _policy(response)
    assert "sandbox" in policy and policy["default-src"] == "'none'"
    assert "script-src" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/json"


def test_an_svg_of_a_package_cannot_run_script_when_opened_as_a_page(client, activity, token, settings):
    (_package_dir(activity, settings) / "content" / "dibujo.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg'><script>parent.postMessage(1,'*')</script></svg>"
    )
    response = client.get(f"/h5p-contenido/{token}/paquete/content/dibujo.svg", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in _policy(response)


@pytest.mark.parametrize(
    "name",
    [
        "pagina.html",
        "pagina.htm",
        "pagina.xhtml",
        "datos.xml",
        "pelicula.swf",
        "sin-extension",
        "script.mjs",
        "PAGINA.HTML",
    ],
)
def test_types_outside_the_allow_list_are_never_served(client, activity, token, settings, name):
    (_package_dir(activity, settings) / "content" / name).write_text("<script>alert(document.domain)</script>")
    response = client.get(f"/h5p-contenido/{token}/paquete/content/{name}", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 404
    assert "sandbox" in _policy(response)


def test_documents_of_a_package_are_downloaded_not_shown(client, activity, token, settings):
    (_package_dir(activity, settings) / "content" / "guia.pdf").write_bytes(b"%PDF-1.4")
    response = client.get(f"/h5p-contenido/{token}/paquete/content/guia.pdf", HTTP_HOST=CONTENT_HOST)
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_player_may_not_connect_anywhere_but_its_own_origin(client, token):
    policy = _policy(client.get(f"/h5p-contenido/{token}/", HTTP_HOST=CONTENT_HOST))
    assert policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["worker-src"] == "'none'"
    assert policy["form-action"] == "'none'" and policy["base-uri"] == "'none'"


def test_errors_and_refusals_of_the_content_origin_carry_the_policy(client, token):
    for url in ("/no-existe/", f"/h5p-contenido/{token}x/", "/cuenta/entrar/", "/media/images/x.png"):
        response = client.get(url, HTTP_HOST=CONTENT_HOST)
        assert response.status_code in (403, 404), url
        assert "sandbox" in _policy(response), url
        assert response["X-Content-Type-Options"] == "nosniff"


def test_the_content_origin_serves_the_players_static_files_inert(client):
    from django.templatetags.static import static

    response = client.get(static("h5p-standalone/main.bundle.js"), HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 200
    assert "sandbox" in _policy(response)
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_content_origin_serves_no_other_static_file(client):
    from django.templatetags.static import static

    for name in ("semilla/semilla.css", "mentoring/room.js", "wagtailadmin/js/core.js"):
        try:
            url = static(name)
        except ValueError:  # not in the manifest: any path under STATIC_URL stands in
            url = f"/static/{name}"
        assert client.get(url, HTTP_HOST=CONTENT_HOST).status_code == 404, url
