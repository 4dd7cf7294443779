"""Coordinators and admins confirm their sign-in with a TOTP code; learners do not (issue 15, item 4).

The suite's conftest turns the requirement off for tests that are not about it; here it is on, as in
production (where it cannot be turned off) and `make run`.
"""

import os
import re
import subprocess
import sys
import time
from base64 import b32decode
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "clave-segura-123"
VERIFY = "/cuenta/verificacion/"
SETUP = "/cuenta/verificacion/activar/"


def code_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return str(totp.token()).zfill(device.digits)


def wrong_code_for(device: TOTPDevice) -> str:
    return "000000" if code_for(device) != "000000" else "111111"


@pytest.fixture(autouse=True)
def _otp_required(settings):
    settings.SEMILLA_STAFF_OTP_REQUIRED = True


def _sign_in(client, username: str):
    return client.post("/cuenta/entrar/", {"username": username, "password": PASSWORD})


@pytest.mark.django_db
def test_a_coordinator_without_an_app_sets_one_up_and_then_reaches_the_admin(client):
    UserFactory(username="carmen", role="coordinacion")
    response = _sign_in(client, "carmen")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.get("/admin/").status_code == 302
    response = client.get(VERIFY, follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    body = response.content.decode()
    device = TOTPDevice.objects.get(user__username="carmen", confirmed=False)
    secret = re.search(r'<code id="clave-totp">([A-Z2-7 ]+)</code>', body).group(1).replace(" ", "")
    assert b32decode(secret) == device.bin_key
    assert "otpauth://totp/Semilla%3Acarmen?secret=" in body and 'src="data:image/svg+xml;base64,' in body
    response = client.post(SETUP, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert TOTPDevice.objects.get(user__username="carmen").confirmed
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_with_an_app_the_code_is_asked_after_the_password_for_every_staff_page(client):
    admin = UserFactory(username="andres", role="administracion")
    device = TOTPDevice.objects.create(user=admin, name="Semilla", confirmed=True)
    _sign_in(client, "andres")
    for path in ("/admin/", "/django-admin/", "/admin/personas/", "/incubadora/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY), path
    assert client.get(SETUP).status_code == 302  # the app is set up: no new secret is shown
    response = client.post(VERIFY, {"code": wrong_code_for(device), "next": "/admin/"})
    assert response.status_code == 200
    assert "Ese código no es correcto" in " ".join(response.context["form"].errors["code"])
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a wrong code wait a second before the next check
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_wrong_codes_make_the_next_check_wait_and_say_so_in_spanish(client):
    coordinator = UserFactory(username="carmen", role="coordinacion")
    device = TOTPDevice.objects.create(user=coordinator, name="Semilla", confirmed=True)
    _sign_in(client, "carmen")
    client.post(VERIFY, {"code": wrong_code_for(device)})
    response = client.post(VERIFY, {"code": code_for(device)})  # right, but inside the wait
    assert "Espera" in " ".join(response.context["form"].errors["code"])
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_wagtail_login_form_does_not_skip_the_code(client):
    coordinator = UserFactory(username="carmen", role="coordinacion")
    TOTPDevice.objects.create(user=coordinator, name="Semilla", confirmed=True)
    client.post("/admin/login/", {"username": "carmen", "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["aprendiz", "mentor", "jurado"])
def test_learners_mentors_and_jurors_are_not_asked_for_a_code(client, role):
    UserFactory(username="rosa", role=role)
    response = _sign_in(client, "rosa")
    assert response.status_code == 302 and not response["Location"].startswith(VERIFY)
    response = client.get("/incubadora/")
    assert not response.get("Location", "").startswith(VERIFY)


@pytest.mark.django_db
def test_demo_staff_get_the_published_secret_and_demo_codigo_prints_a_working_code(client, capsys):
    from lms.demo.content.people import DEMO_TOTP_SECRET, DEMO_USERS
    from lms.demo.services import demo_user_ensure

    for spec in DEMO_USERS:
        demo_user_ensure(spec=spec, created=Counter())
    for username in ("coordinadora", "admin"):
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        assert device.bin_key == b32decode(DEMO_TOTP_SECRET)
    assert not TOTPDevice.objects.filter(user__username__in=["aprendiz", "mentora", "jurado"]).exists()
    call_command("demo_codigo", "coordinadora")
    code = re.search(r"Código de coordinadora: (\d{6})", capsys.readouterr().out).group(1)
    client.post("/cuenta/entrar/", {"username": "coordinadora", "password": "semilla-demo"})
    response = client.post(VERIFY, {"code": code, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_production_refuses_to_start_without_the_second_factor():
    environment = {k: v for k, v in os.environ.items() if k not in {"SEMILLA_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(
        SEMILLA_ENV="production",
        SECRET_KEY="x" * 20 + "a-long-random-value-for-this-test-only",
        ALLOWED_HOSTS="semilla.example.org",
        SITE_URL="https://semilla.example.org",
        H5P_CONTENT_ORIGIN="https://semilla-h5p.example.net",
        SEMILLA_STAFF_OTP_REQUIRED="0",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "SEMILLA_STAFF_OTP_REQUIRED" in result.stderr
