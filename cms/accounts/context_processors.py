from django.conf import settings

from cms.accounts.middleware import idle_limit_seconds


def session_timeouts(request) -> dict:
    """Idle limit of the current person, for the warning and the no-JS meta refresh."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "idle_seconds": idle_limit_seconds(user),
        "idle_warning_seconds": settings.SEMILLA_IDLE_WARNING_SECONDS,
    }
