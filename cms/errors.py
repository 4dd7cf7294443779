"""Error pages in Spanish in the site's layout, and "Volvemos enseguida" (503) when a service is down.

400, 403 and 404 are Django's own views with the project's templates (cms/templates/NNN.html). The 500 view
here also answers 503 when the error is the database or Redis being unreachable: a person then reads that
the site is back soon, never a stack trace. Both are rendered without the request, so without the context
processors: they must work with the database gone.
"""

import logging
import sys

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.template import loader
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("semilla.errors")

# A service the site needs that does not answer: PostgreSQL/SQLite, Redis (cache or channel layer).
SERVICE_DOWN = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError, ConnectionError)


def server_error(request) -> HttpResponse:
    """handler500: 503 "Volvemos enseguida" when a service is down, else the plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, SERVICE_DOWN):
        logger.warning("service unavailable on %s: %r", request.path, error)
        return HttpResponse(loader.get_template("503.html").render(), status=503, headers={"Retry-After": "30"})
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent without a valid token (expired page, blocked cookies)."""
    return HttpResponseForbidden(loader.get_template("403_csrf.html").render(request=request))


class MalformedChosenIdMiddleware:
    """Wagtail's chooser "chosen" views look a malformed id up as is (`/admin/images/chooser/chosen/abc/`),
    and the ValueError answered 500; here it is the 404 it means."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "chosen" and isinstance(exception, ValueError | ValidationError):
            raise Http404 from exception
        return None
