"""Answer requests for the H5P content origin before any session, user or CSRF middleware runs.

The content origin runs library JavaScript from outside: it serves only the player and package
files through its own tiny URLconf, never a page of the main site, and never reads the session.
ContentOriginMiddleware sits after WhiteNoise, so the player's static files are served there too;
ContentOriginHeadersMiddleware comes first of all: of the static files it lets through only the
player's, and it gives every response of the content origin a strict policy of its own unless the
view set one (the player page does).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.exception import convert_exception_to_response
from django.http import HttpResponseNotFound
from django.urls import Resolver404, resolve

CONTENT_URLCONF = "lms.h5p.content_urls"
# Nothing the content origin answers is a page, except the player, which sets its own policy.
INERT_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"
PLAYER_STATIC = ("h5p-standalone/", "h5p/player.")


def is_content_origin(request) -> bool:
    content = urlsplit(settings.H5P_CONTENT_ORIGIN)
    main = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    host = request.get_host()
    return host == content.netloc and host != main.netloc


def _not_found():
    return HttpResponseNotFound("No encontrado.", content_type="text/plain; charset=utf-8")


def _harden(response):
    if "Content-Security-Policy" not in response:
        response["Content-Security-Policy"] = INERT_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _serve_content(request):
    try:
        match = resolve(request.path_info, urlconf=CONTENT_URLCONF)
    except Resolver404:
        return _not_found()
    request.urlconf = CONTENT_URLCONF
    request.resolver_match = match
    return match.func(request, *match.args, **match.kwargs)


class ContentOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.serve_content = convert_exception_to_response(_serve_content)

    def __call__(self, request):
        if is_content_origin(request):
            return _harden(self.serve_content(request))
        return self.get_response(request)


class ContentOriginHeadersMiddleware:
    """Outermost: static files other than the player's are not served on the content origin, and
    every response there, static ones included, carries nosniff and a Content-Security-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            content = is_content_origin(request)
        except DisallowedHost:  # answered as such further in, with the usual headers
            content = False
        if not content:
            return self.get_response(request)
        static = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL
        path = request.path_info
        if path.startswith(static) and not path[len(static) :].startswith(PLAYER_STATIC):
            return _harden(_not_found())
        return _harden(self.get_response(request))
