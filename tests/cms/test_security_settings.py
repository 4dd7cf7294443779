"""Production settings: check --deploy is clean, unsafe values refuse to start, CSP has no inline scripts."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_PRODUCTION = {
    "SEMILLA_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "semilla.example.org,semilla-h5p.example.net",
    "DEBUG": "0",
    "SITE_URL": "https://semilla.example.org",
    "H5P_CONTENT_ORIGIN": "https://semilla-h5p.example.net",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SEMILLA_ENV",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DEBUG",
            "SEMILLA_TESTING",
            "SITE_URL",
            "H5P_CONTENT_ORIGIN",
            # set for Playwright by the browser tests' conftest; never in production
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_with_production_settings_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **GOOD_PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "unsafe, message",
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "corta"}, "SECRET_KEY"),
        ({"DEBUG": "1"}, "DEBUG"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"SITE_URL": ""}, "SITE_URL"),
        ({"H5P_CONTENT_ORIGIN": ""}, "H5P_CONTENT_ORIGIN"),
        # A subdomain of the main site is the same site: its cookies and WebSockets would reach package code.
        ({"H5P_CONTENT_ORIGIN": "https://h5p.semilla.example.org"}, "H5P_CONTENT_ORIGIN"),
        ({"H5P_CONTENT_ORIGIN": "https://example.org"}, "H5P_CONTENT_ORIGIN"),
        (
            {"SITE_URL": "https://semilla.org.ec", "H5P_CONTENT_ORIGIN": "https://h5p.semilla.org.ec"},
            "H5P_CONTENT_ORIGIN",
        ),
        (
            {"SITE_URL": "https://www.semilla.com.ec", "H5P_CONTENT_ORIGIN": "https://contenido.semilla.com.ec:8443"},
            "H5P_CONTENT_ORIGIN",
        ),
        (
            {"SITE_URL": "https://semilla.co.uk", "H5P_CONTENT_ORIGIN": "https://H5P.Semilla.co.uk."},
            "H5P_CONTENT_ORIGIN",
        ),
    ],
)
def test_production_refuses_to_start_with_unsafe_values(unsafe, message):
    result = _manage("check", **{**GOOD_PRODUCTION, **unsafe})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


@pytest.mark.parametrize(
    "site, content",
    [
        ("https://semilla.org.ec", "https://semilla-h5p.org.ec"),
        ("https://aprende.semilla.gob.ec", "https://h5p.otro.gob.ec"),
        ("https://semilla.example.org", "https://semilla-h5p.example.net"),
    ],
)
def test_production_accepts_a_content_origin_on_another_site(site, content):
    from urllib.parse import urlsplit

    from cms.env import registrable_domain

    assert registrable_domain(urlsplit(site).hostname) != registrable_domain(urlsplit(content).hostname)


@pytest.mark.django_db
def test_pages_carry_a_csp_without_inline_scripts(client):
    response = client.get("/cuenta/entrar/")
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'self'" in script_src
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_forms_need_a_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/cuenta/registro/", {"username": "x"}).status_code == 403
    assert strict.post("/cuenta/entrar/", {"username": "x", "password": "y"}).status_code == 403
