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
    "ALLOWED_HOSTS": "semilla.example.org",
    "DEBUG": "0",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"SEMILLA_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "SEMILLA_TESTING",
                                # set for Playwright by the browser tests' conftest; never in production
                                "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_with_production_settings_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **GOOD_PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("unsafe, message", [
    ({"SECRET_KEY": ""}, "SECRET_KEY"),
    ({"SECRET_KEY": "corta"}, "SECRET_KEY"),
    ({"DEBUG": "1"}, "DEBUG"),
    ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
])
def test_production_refuses_to_start_with_unsafe_values(unsafe, message):
    result = _manage("check", **{**GOOD_PRODUCTION, **unsafe})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


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
