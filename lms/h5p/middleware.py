"""Answer requests for the H5P content origin before any session, user or CSRF middleware runs.

The content origin runs library JavaScript from outside: it serves only the player and package
files through its own tiny URLconf, never a page of the main site, and never reads the session.
Placed after WhiteNoise, so the player's static files are served there too.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.http import HttpResponseNotFound
from django.urls import Resolver404, resolve

CONTENT_URLCONF = "lms.h5p.content_urls"


def is_content_origin(request) -> bool:
    content = urlsplit(settings.H5P_CONTENT_ORIGIN)
    main = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    host = request.get_host()
    return host == content.netloc and host != main.netloc


def _serve_content(request):
    try:
        match = resolve(request.path_info, urlconf=CONTENT_URLCONF)
    except Resolver404:
        return HttpResponseNotFound("No encontrado.", content_type="text/plain; charset=utf-8")
    request.urlconf = CONTENT_URLCONF
    request.resolver_match = match
    return match.func(request, *match.args, **match.kwargs)


class ContentOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.serve_content = convert_exception_to_response(_serve_content)

    def __call__(self, request):
        if is_content_origin(request):
            return self.serve_content(request)
        return self.get_response(request)
