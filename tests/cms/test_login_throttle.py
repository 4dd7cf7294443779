"""One account, guessed from many addresses, slows down; a center's shared address is never blocked (item 4)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.accounts.models import LoginThrottle, User
from cms.accounts.selectors import login_wait_seconds

LOGIN = "/cuenta/entrar/"
PASSWORD = "clave-segura-123"


def _try(client, username: str, password: str, address: str):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _age_failures(username: str, seconds: int) -> None:
    LoginThrottle.objects.filter(username=username).update(last_failure_at=timezone.now() - timedelta(seconds=seconds))


@pytest.fixture
def rosa(db):
    return User.objects.create_user(username="rosa", password=PASSWORD)


def test_guesses_from_rotating_addresses_do_not_reach_the_right_password(client, rosa, settings):
    for n in range(60):
        _try(client, "rosa", f"mala-{n}", f"198.51.100.{n + 1}")
    response = _try(client, "rosa", PASSWORD, "203.0.113.200")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    errors = " ".join(response.context["form"].non_field_errors())
    assert "Hubo muchos intentos fallidos con esta cuenta. Espera" in errors
    # Only the first few guesses were checked; the rest came during the wait and were refused unchecked.
    assert LoginThrottle.objects.get(username="rosa").failures == settings.SEMILLA_LOGIN_THROTTLE_AFTER


def test_the_wait_starts_after_a_few_failures_doubles_and_is_capped(rosa, settings, client):
    after, base = settings.SEMILLA_LOGIN_THROTTLE_AFTER, settings.SEMILLA_LOGIN_THROTTLE_BASE_SECONDS
    for n in range(after - 1):
        _try(client, "rosa", "mala", f"198.51.100.{n + 1}")
    assert login_wait_seconds(username="rosa") == 0
    _try(client, "rosa", "mala", "198.51.100.99")
    assert base - 2 <= login_wait_seconds(username="rosa") <= base
    LoginThrottle.objects.filter(username="rosa").update(failures=after + 1)
    assert 2 * base - 2 <= login_wait_seconds(username="rosa") <= 2 * base
    LoginThrottle.objects.filter(username="rosa").update(failures=after + 40)
    assert login_wait_seconds(username="rosa") == pytest.approx(settings.SEMILLA_LOGIN_THROTTLE_MAX_SECONDS, abs=2)


def test_tries_during_the_wait_check_no_password_and_count_nothing(rosa, settings, client):
    LoginThrottle.objects.create(
        username="rosa", failures=settings.SEMILLA_LOGIN_THROTTLE_AFTER, last_failure_at=timezone.now()
    )
    response = _try(client, "rosa", PASSWORD, "198.51.100.1")
    assert "Espera" in " ".join(response.context["form"].non_field_errors())
    assert "_auth_user_id" not in client.session
    assert LoginThrottle.objects.get(username="rosa").failures == settings.SEMILLA_LOGIN_THROTTLE_AFTER


def test_after_the_wait_the_right_password_works_and_the_count_starts_again(rosa, settings, client):
    LoginThrottle.objects.create(
        username="rosa", failures=settings.SEMILLA_LOGIN_THROTTLE_AFTER, last_failure_at=timezone.now()
    )
    _age_failures("rosa", settings.SEMILLA_LOGIN_THROTTLE_BASE_SECONDS + 1)
    response = _try(client, "rosa", PASSWORD, "198.51.100.1")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == rosa.pk
    assert not LoginThrottle.objects.filter(username="rosa").exists()


def test_other_people_behind_the_same_center_address_still_sign_in(rosa, client, settings):
    User.objects.create_user(username="ana", password=PASSWORD)
    center = "203.0.113.50"
    for n in range(settings.SEMILLA_LOGIN_THROTTLE_AFTER + 3):
        _try(client, "rosa", f"mala-{n}", center)
    assert login_wait_seconds(username="rosa") > 0
    response = _try(client, "ana", PASSWORD, center)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username="ana").pk)


def test_unknown_usernames_get_the_same_answers_as_real_ones(db, client, settings):
    for n in range(settings.SEMILLA_LOGIN_THROTTLE_AFTER):
        _try(client, "nadie", "mala", f"198.51.100.{n + 1}")
    response = _try(client, "nadie", "mala", "198.51.100.77")
    assert "Hubo muchos intentos fallidos con esta cuenta." in " ".join(response.context["form"].non_field_errors())


def test_failures_older_than_a_day_are_forgotten(rosa, settings, client):
    LoginThrottle.objects.create(username="rosa", failures=30, last_failure_at=timezone.now())
    _age_failures("rosa", settings.SEMILLA_LOGIN_THROTTLE_FORGET_SECONDS + 60)
    _try(client, "rosa", "mala", "198.51.100.1")
    assert LoginThrottle.objects.get(username="rosa").failures == 1
