"""Sign-up does not confirm that someone else's account exists (issue 15, item 14).

A sign-up page cannot hide a taken name completely: the account cannot be created. What it can do, and does:
the answer for a taken name is the same as for a reserved one ("no está disponible"), it is only given once the
rest of the form is valid (a stranger has to fill a whole form with a good password per name tried), and the
suggested names carry random numbers, so they hint at nothing taken.
"""

import re

import pytest

from cms.accounts.models import User
from cms.accounts.selectors import RESERVED_USERNAMES, usernames_free_like

URL = "/cuenta/registro/"
GOOD = {
    "username": "maria.lopez",
    "first_name": "María",
    "last_name": "López",
    "password1": "girasol-del-valle-7",
    "password2": "girasol-del-valle-7",
    "phone": "",
    "email": "",
    "consent": "on",
}


def _username_errors(client, **changes) -> list[str]:
    response = client.post(URL, {**GOOD, **changes})
    assert response.status_code == 200
    return response.context["form"].errors.get("username", [])


@pytest.mark.django_db
def test_a_taken_username_is_not_confirmed_as_an_existing_account(client):
    User.objects.create_user(username="Maria.Lopez", password="x-y-z-12345678")
    errors = _username_errors(client)
    body = " ".join(errors)
    assert "existe" not in body
    assert body.startswith("Ese nombre de usuario no está disponible.")
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_reserved_name_gets_the_same_answer_as_a_taken_one(client):
    assert "soporte" in RESERVED_USERNAMES
    assert not User.objects.filter(username__iexact="soporte").exists()
    reserved = _username_errors(client, username="soporte")
    User.objects.create_user(username="maria.lopez", password="x-y-z-12345678")
    taken = _username_errors(client)
    strip = re.compile(r"[\w.@+-]+\d+")  # the suggestions differ; the sentence must not
    assert [strip.sub("N", e) for e in reserved] == [strip.sub("N", e) for e in taken]
    assert not User.objects.filter(username__iexact="soporte").exists()


@pytest.mark.django_db
def test_the_name_is_not_checked_while_the_rest_of_the_form_is_wrong(client):
    User.objects.create_user(username="maria.lopez", password="x-y-z-12345678")
    assert _username_errors(client, password2="otra-cosa-123") == []
    assert _username_errors(client, consent="") == []
    assert _username_errors(client, password1="12345678", password2="12345678") == []


@pytest.mark.django_db
def test_the_suggested_names_are_free_and_work(client):
    User.objects.create_user(username="maria.lopez", password="x-y-z-12345678")
    suggestions = usernames_free_like(username="maria.lopez")
    assert 1 <= len(suggestions) <= 3
    assert all(
        s.startswith("maria.lopez") and not User.objects.filter(username__iexact=s).exists() for s in suggestions
    )
    errors = _username_errors(client)
    offered = re.findall(r"maria\.lopez\d+", errors[0])
    assert offered
    response = client.post(URL, {**GOOD, "username": offered[0]})
    assert response.status_code == 302
    assert User.objects.filter(username=offered[0]).exists()


@pytest.mark.django_db
def test_a_name_taken_in_the_instant_before_the_write_gets_the_same_answer(client, monkeypatch):
    from cms.accounts import selectors

    User.objects.create_user(username="maria.lopez", password="x-y-z-12345678")
    monkeypatch.setattr(selectors, "username_available", lambda *, username: True)  # lost the race
    errors = _username_errors(client)
    assert errors and errors[0].startswith("Ese nombre de usuario no está disponible.")
    assert User.objects.count() == 1
