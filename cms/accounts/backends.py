"""The per-account login throttle, as an authentication backend so every password form obeys it.

It sits after axes (which locks one username at one address) and before ModelBackend. While the account must
wait it refuses without checking the password, so a guess made during the wait tells nothing and costs
nothing; the wait grows with each wrong password from any address (see selectors.login_wait_seconds).
"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied

from cms.accounts import selectors, services

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
