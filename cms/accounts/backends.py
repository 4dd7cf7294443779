"""The per-account login throttle, as an authentication backend so every password form obeys it.

It sits after axes (which locks one username at one address) and before ModelBackend. While the account must
wait it refuses without checking the password, so a guess made during the wait tells nothing and costs
nothing; the wait grows with each wrong password from any address (see selectors.login_wait_seconds).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models import F

from cms.accounts import selectors, services
from cms.accounts.roles import roles_preload

WAIT_ATTRIBUTE = "semilla_login_wait"  # set on the request for the login form's message


class AccountThrottleBackend:
    """Authenticates nobody; raises PermissionDenied while the username has to wait."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username:
            return None
        wait = selectors.login_wait_seconds(username=username)
        if wait:
            if request is not None:
                setattr(request, WAIT_ATTRIBUTE, wait)
            raise PermissionDenied
        return None

    # No get_user(): Django's force_login and session lookups would pick this backend and find nobody.


class RolesModelBackend(ModelBackend):
    """Django's ModelBackend, but a signed-in person's row and their roles (groups) come in one query.

    Every page a signed-in person opens reads both (the middleware and the views ask `has_role`); Django built
    two queries for it. Measured on the lesson page (bench/README.md, "CPU por vista de lección"): about
    0.3-0.4 ms of server CPU per view. The roles are still read from the database on every request, never
    cached across requests, so a role taken away counts at the next click (tests/cms/test_roles_backend.py).

    It is the password authority too: when it refuses a username and password, it stops there (PermissionDenied)
    so that "django.contrib.auth.backends.ModelBackend", listed after it only for sessions that name it, does
    not hash the same wrong password a second time.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None and username is not None and password is not None:
            raise PermissionDenied
        return user

    def get_user(self, user_id):
        # A LEFT JOIN: one row per group (one row with None for a person without roles), the same columns.
        rows = list(get_user_model()._default_manager.filter(pk=user_id).annotate(semilla_role=F("groups__name")))
        if not rows:
            return None
        user = rows[0]
        roles_preload(user, names=[row.semilla_role for row in rows if row.semilla_role is not None])
        return user if self.user_can_authenticate(user) else None


def _count_failure(sender, credentials, request=None, **kwargs):
    # Refusals (ours while waiting, axes' while locked) checked no password: they are not new failures.
    if request is not None and (getattr(request, WAIT_ATTRIBUTE, 0) or getattr(request, "axes_locked_out", False)):
        return
    username = credentials.get("username")
    if username:
        services.login_failure_record(username=username)


def _clear_on_login(sender, request, user, **kwargs):
    services.login_throttle_clear(username=user.get_username())


def connect_signals() -> None:
    user_login_failed.connect(_count_failure, dispatch_uid="semilla.login_throttle.failed")
    user_logged_in.connect(_clear_on_login, dispatch_uid="semilla.login_throttle.cleared")
