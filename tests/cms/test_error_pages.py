"""400, 403, 404, 500 and CSRF failure: Spanish, in the site's layout, with a way back to the start."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.test import Client
from django.urls import path

from cms.urls import handler500 as project_handler500
from cms.urls import urlpatterns as project_urlpatterns

ENGLISH = (
    "Not Found",
    "Forbidden",
    "Server Error",
    "Bad Request",
    "CSRF verification failed",
    "requested",
    "Reason given",
    "Page not found",
)


def _bad_request(request):
    raise SuspiciousOperation("bad")


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("fallo/400/", _bad_request),
    path("fallo/403/", _forbidden),
    path("fallo/500/", _broken),
    *project_urlpatterns,
]
handler500 = project_handler500  # the project's own, as cms.urls declares it


def _assert_site_page(response, status: int, heading: str) -> None:
    assert response.status_code == status
    text = response.content.decode()
    assert '<html lang="es">' in text and 'class="brand"' in text, "not in the site's layout"
    assert heading in text
    assert 'href="/"' in text, "no way back to the start"
    for word in ENGLISH:
        assert word not in text, f"English left on the {status} page: {word!r}"


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/fallo/400/", 400, "No entendimos lo que pediste"),
        ("/fallo/403/", 403, "No tienes permiso para ver esto"),
        ("/esta-pagina-no-existe/", 404, "No encontramos esta página"),
        ("/fallo/500/", 500, "Algo salió mal"),
    ],
)
def test_each_error_page_is_spanish_in_the_site_layout(url, status, heading):
    _assert_site_page(Client(raise_request_exception=False).get(url), status, heading)


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_gets_the_spanish_page():
    response = Client(enforce_csrf_checks=True).post("/cuenta/entrar/", {"username": "a", "password": "b"})
    _assert_site_page(response, 403, "Tu formulario venció")


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_the_500_page_needs_no_database(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    client = Client(raise_request_exception=False)
    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)
    _assert_site_page(client.get("/fallo/500/"), 500, "Algo salió mal")
