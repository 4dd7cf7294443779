"""Passwords are hashed with Argon2id at the chosen cost; old PBKDF2 hashes still sign in and are upgraded (issue 17).

tests/conftest.py puts a cheap hasher first for the rest of the suite; these tests use the production list.
"""

import importlib

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, identify_hasher, make_password

from cms.accounts.models import User

LOGIN = "/cuenta/entrar/"
PASSWORD = "clave-segura-123"


@pytest.fixture
def production_hashers(settings):
    settings.PASSWORD_HASHERS = importlib.import_module("cms.settings").PASSWORD_HASHERS


def _argon2_parameters(encoded: str) -> str:
    # argon2$argon2id$v=19$m=19456,t=2,p=1$salt$hash
    return encoded.split("$")[3]


def test_new_passwords_are_argon2id_with_the_chosen_cost(production_hashers, db):
    user = User.objects.create_user(username="rosa", password=PASSWORD)
    assert user.password.startswith("argon2$argon2id$")
    assert _argon2_parameters(user.password) == "m=19456,t=2,p=1"
    assert user.check_password(PASSWORD)
    assert not user.check_password("otra-clave-123")


def test_an_old_pbkdf2_hash_signs_in_and_is_rewritten_with_argon2(production_hashers, db, client):
    # A PBKDF2 hash as Django made them before (fewer rounds here, only to keep the test quick).
    old = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt(), iterations=1000)
    user = User.objects.create(username="rosa", password=old)
    assert identify_hasher(user.password).algorithm == "pbkdf2_sha256"

    response = client.post(LOGIN, {"username": "rosa", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert _argon2_parameters(user.password) == "m=19456,t=2,p=1"
    assert user.check_password(PASSWORD)


def test_an_argon2_hash_of_another_cost_signs_in_and_gets_the_chosen_cost(production_hashers, db, client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # Django's own cost
    old = make_password(PASSWORD)
    settings.PASSWORD_HASHERS = importlib.import_module("cms.settings").PASSWORD_HASHERS
    assert _argon2_parameters(old) != "m=19456,t=2,p=1"
    user = User.objects.create(username="rosa", password=old)

    response = client.post(LOGIN, {"username": "rosa", "password": PASSWORD})

    assert response.status_code == 302
    user.refresh_from_db()
    assert _argon2_parameters(user.password) == "m=19456,t=2,p=1"


def test_a_wrong_password_against_an_old_hash_changes_nothing(production_hashers, db, client):
    old = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt(), iterations=1000)
    user = User.objects.create(username="rosa", password=old)

    response = client.post(LOGIN, {"username": "rosa", "password": "otra-clave-123"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.password == old
