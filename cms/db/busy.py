"""SQLite lets one writer in at a time. When the wait for the write lock runs out ("database is locked"), a
short transaction is tried again a few times; if it still cannot get in, the person is told kindly (503) and
nothing is half-written. PostgreSQL never answers this, so there all of it is a no-op.
"""

import logging
import random
import time
from functools import wraps

from django.db import OperationalError, transaction
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("semilla")

ATTEMPTS = 4
FIRST_PAUSE_SECONDS = 0.05
RETRY_AFTER_SECONDS = 5
BUSY_MESSAGE = _("Hay mucha gente usando Semilla ahora. Inténtalo de nuevo en un momento.")


def is_database_locked(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and "locked" in str(exc).lower()


def _pause(attempt: int) -> None:
    # Growing and jittered, so the writers that collided do not all come back at the same instant.
    time.sleep(FIRST_PAUSE_SECONDS * (2**attempt) * (0.5 + random.random()))


def atomic_retrying(func):
    """Run `func` in its own transaction; on "database is locked" roll back and run it again (ATTEMPTS times).

    Keep the decorated function short and free of slow work (password hashing, images, PDFs): under SQLite the
    write lock is held from its first statement to its end. Inside an outer transaction the block cannot be
    retried alone, so the error goes up to whoever owns that transaction.
    """

    @wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(ATTEMPTS):
            nested = transaction.get_connection().in_atomic_block
            try:
                with transaction.atomic():
                    return func(*args, **kwargs)
            except OperationalError as exc:
                if nested or not is_database_locked(exc) or attempt == ATTEMPTS - 1:
                    raise
                logger.info("database locked in %s, retry %s", func.__qualname__, attempt + 1)
                _pause(attempt)
        raise AssertionError("unreachable")

    return wrapper


class DatabaseBusyMiddleware:
    """A view that still found the database locked answers 503 in Spanish instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_locked(exception):
            return None
        logger.warning("database locked: %s %s answered 503", request.method, request.path)
        response = render(request, "database_busy.html", {"message": BUSY_MESSAGE}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
