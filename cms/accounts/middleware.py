"""Shared-computer session rules: idle and absolute timeouts, no caching of private pages."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from cms.accounts.roles import is_staff_role, needs_second_factor

SESSION_STARTED = "semilla_started"
SESSION_SEEN = "semilla_seen"
CONSENT_NEEDED = "semilla_consent_needed"
# Paths a person who still has to accept the consent text may visit.
CONSENT_FREE_PREFIXES = ("/cuenta/", "/static/", "/healthz")
# Requests that must not count as activity (the idle-warning ping would keep a session alive).
PASSIVE_PATHS = ("/cuenta/sesion/estado/",)
SEEN_REFRESH_SECONDS = 30
# Paths staff may visit before their second factor: the code pages themselves, leaving, and the idle ping.
SECOND_FACTOR_FREE_PREFIXES = (
    "/cuenta/verificacion/",
    "/cuenta/salir/",
    "/cuenta/sesion/estado/",
    "/static/",
    "/healthz",
)


def idle_limit_seconds(user) -> int:
    if is_staff_role(user):
        return settings.SEMILLA_IDLE_SECONDS_STAFF
    return settings.SEMILLA_IDLE_SECONDS_LEARNER


class SharedComputerSessionMiddleware:
    """Ends idle (15 min learners, 10 staff) and old (8 h) sessions; marks private pages no-store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._expired(request, user)
            if expired:
                logout(request)
                response = self._ended(request, expired)
                response["Cache-Control"] = "no-store"
                return response
        response = self.get_response(request)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        return response

    @staticmethod
    def _ended(request, reason: str):
        login_url = f"{reverse('accounts:login')}?motivo={reason}"
        if request.path in PASSIVE_PATHS:
            # The page's own ping: a redirect to HTML would be unreadable, so say where to go instead.
            return JsonResponse({"authenticated": False, "seconds_left": 0, "login": login_url})
        return redirect(login_url)

    def _expired(self, request, user) -> str:
        now = int(time.time())
        session = request.session
        started = session.setdefault(SESSION_STARTED, now)
        seen = session.get(SESSION_SEEN, now)
        if now - started > settings.SEMILLA_ABSOLUTE_SESSION_SECONDS:
            return "limite"
        idle = idle_limit_seconds(user)
        if now - seen > idle:
            return "inactividad"
        # Saving the session costs a write on every page: refresh "seen" only when it is a little stale.
        stale = now - seen >= min(SEEN_REFRESH_SECONDS, idle // 10)
        if request.path not in PASSIVE_PATHS and (SESSION_SEEN not in session or stale):
            session[SESSION_SEEN] = now
        return ""


class ConsentRequiredMiddleware:
    """After a login that found the consent text outdated, every page leads to the consent form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if (
            session is not None
            and session.get(CONSENT_NEEDED)
            and request.user.is_authenticated
            and not request.path.startswith(CONSENT_FREE_PREFIXES)
        ):
            return redirect(f"{reverse('accounts:consent')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def second_factor_pending(request) -> bool:
    """True when this session belongs to staff who still have to give their TOTP code."""
    user = getattr(request, "user", None)
    return (
        settings.SEMILLA_STAFF_OTP_REQUIRED
        and needs_second_factor(user)
        and not (getattr(user, "is_verified", None) and user.is_verified())
    )


class StaffSecondFactorMiddleware:
    """Coordinators and admins reach nothing (the Wagtail admin included) until their session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(SECOND_FACTOR_FREE_PREFIXES) and second_factor_pending(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:second_factor')}?{query}")
        return self.get_response(request)
