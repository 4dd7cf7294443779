"""Erasure ends her sessions, found through the sign-in index (not by decoding every session), and only hers."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.personal_data.registry import declaration_for
from cms.privacy import services
from cms.privacy.models import SessionOwner
from cms.privacy.selectors import person_of
from cms.privacy.sessions import session_owners_prune
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "clave-segura-123"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def is_signed_in(client: Client) -> bool:
    return client.get(reverse("privacy:my_data")).status_code == 200


def store_has(key: str) -> bool:
    """Through the engine: with cached_db a copy left in the cache (local memory or Redis) still counts."""
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).load().get("_auth_user_id") is not None


def test_sign_in_and_sign_out_keep_the_index(client):
    user = UserFactory(role="aprendiz", password=PASSWORD)
    assert client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD}).status_code == 302
    key = client.session.session_key
    assert SessionOwner.objects.filter(session_key=key, user=user).exists()
    client.post(reverse("accounts:logout"))
    assert not SessionOwner.objects.filter(session_key=key).exists()


def test_a_new_key_for_a_signed_in_session_is_indexed():
    """The second factor gives the session a new key (cycle_key): the new key is hers too."""
    user = UserFactory(role="coordinacion")
    client = signed_in(user)
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=client.session.session_key)
    store.load()
    store.cycle_key()
    assert SessionOwner.objects.filter(session_key=store.session_key, user=user).exists()


def test_erasure_ends_her_sessions_and_not_anyone_elses():
    her = UserFactory(role="aprendiz")
    other = UserFactory(role="aprendiz")
    phone, shared_computer, others = signed_in(her), signed_in(her), signed_in(other)
    keys = [phone.session.session_key, shared_computer.session.session_key]
    assert all(store_has(key) for key in keys) and is_signed_in(phone)

    services.person_erase_now(who=her)

    assert not any(store_has(key) for key in keys)
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert not SessionOwner.objects.filter(session_key__in=keys).exists()
    assert not is_signed_in(phone) and not is_signed_in(shared_computer)
    assert is_signed_in(others) and store_has(others.session.session_key)


def _find_and_end(person) -> int:
    declaration = declaration_for(SessionOwner)
    with CaptureQueriesContext(connection) as queries:
        rows = declaration.rows(person)
        declaration.erase.function(person, rows)
        list(declaration_for(Session).rows(person))
    return len(queries)


def test_finding_her_sessions_reads_no_other_session(monkeypatch):
    """The old way decoded every session of the site; the query count must not grow with them either."""
    decoded = []
    original = SessionBase.decode
    monkeypatch.setattr(SessionBase, "decode", lambda self, data: decoded.append(1) or original(self, data))

    her = UserFactory(role="aprendiz")
    for _ in range(3):
        signed_in(UserFactory(role="aprendiz"))
    signed_in(her)
    decoded.clear()
    few = _find_and_end(person_of(her))
    assert decoded == []

    for _ in range(20):
        signed_in(UserFactory(role="aprendiz"))
    signed_in(her)
    decoded.clear()
    assert _find_and_end(person_of(her)) == few
    assert decoded == []


def test_keys_of_sessions_past_the_absolute_limit_are_forgotten():
    from datetime import timedelta

    from django.utils import timezone

    user = UserFactory(role="aprendiz")
    key = signed_in(user).session.session_key
    fresh = signed_in(user).session.session_key
    SessionOwner.objects.filter(session_key=key).update(created_at=timezone.now() - timedelta(days=3))
    assert session_owners_prune() == 1
    assert list(SessionOwner.objects.values_list("session_key", flat=True)) == [fresh]
