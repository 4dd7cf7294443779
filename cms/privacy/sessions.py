"""The index of whose session is whose (SessionOwner), kept by signals, and the ending of a person's sessions.

A session key is written when she signs in (user_logged_in) and when a database-backed session that carries a
signed-in user is created under a new key (post_save of Session with created=True: cycle_key after the second
factor, or the first save after a flush). Sign-out removes it. Sessions are ended through the configured
session engine, so the cached copy (local memory or Redis, with cached_db) goes with the database row.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.models import Session
from django.db.models.signals import post_save
from django.utils import timezone

from cms.accounts.models import User
from cms.privacy.models import SessionOwner


def _store_class():
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_owner_record(*, session_key: str, user_id: int) -> None:
    """Remember that `session_key` is a sign-in of `user_id` (idempotent)."""
    SessionOwner.objects.update_or_create(session_key=session_key, defaults={"user_id": user_id})


def _logged_in(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    if session.session_key is None:  # login() flushed another person's session: give it its key now
        session.save()
    session_owner_record(session_key=session.session_key, user_id=user.pk)


def _logged_out(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        SessionOwner.objects.filter(session_key=session.session_key).delete()


def _session_created(sender, instance: Session, created: bool, raw: bool = False, **kwargs) -> None:
    """A new session row: decoded only here (sign-in and key changes, not every request), indexed when a
    signed-in user's data moved to the new key."""
    if not created or raw:
        return
    user_id = instance.get_decoded().get(SESSION_KEY)
    if user_id and str(user_id).isdigit() and User.objects.filter(pk=int(user_id)).exists():
        session_owner_record(session_key=instance.session_key, user_id=int(user_id))


def connect() -> None:
    user_logged_in.connect(_logged_in, dispatch_uid="privacy.session_owner.logged_in")
    user_logged_out.connect(_logged_out, dispatch_uid="privacy.session_owner.logged_out")
    post_save.connect(_session_created, sender=Session, dispatch_uid="privacy.session_owner.created")


def session_keys_of(*, user_id: int) -> list[str]:
    """Her session keys, from the index: one query, whatever the number of sessions on the site."""
    return list(SessionOwner.objects.filter(user_id=user_id).values_list("session_key", flat=True))


def sessions_end(*, keys: list[str]) -> None:
    """End these sessions through the session engine (database row and cached copy) and forget their keys."""
    store = _store_class()()
    for key in keys:
        store.delete(key)
    SessionOwner.objects.filter(session_key__in=keys).delete()


def session_owners_prune(*, now=None) -> int:
    """Forget keys of sessions that cannot be alive any more (older than the absolute session limit)."""
    now = now or timezone.now()
    age = max(settings.SESSION_COOKIE_AGE, getattr(settings, "SEMILLA_ABSOLUTE_SESSION_SECONDS", 0))
    deleted, _by_model = SessionOwner.objects.filter(created_at__lt=now - timedelta(seconds=age, days=1)).delete()
    return deleted
