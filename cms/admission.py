"""At most N HTTP requests inside Django at once per server process; the others wait their turn in the event loop.

Django's ASGI handler runs each request's sync code in a thread of its own, and uvicorn hands it every request
as soon as it arrives. Under a burst (2,000 learners arriving at 40 a second, bench/learners.py) a worker ran
40-50 such threads at once on one core: they took turns holding the GIL, each opened a database connection of
its own beyond the pool, and SQLite's write lock went from one sleeping writer to the next, so every request
took longer and the queue never drained. Waiting in the loop costs nothing; a request admitted runs with
few others, finishes sooner, and hands its pooled connection to the next.

Set with SEMILLA_HTTP_CONCURRENCY (cms/embedded.py gives each HTTP worker its value); 0 leaves the
application unwrapped. Only "http" requests are counted: WebSockets (Daphne) are long-lived and not limited here.
"""

from __future__ import annotations

import asyncio


class AdmissionLimit:
    """ASGI middleware: lets at most `limit` HTTP requests into `application` at a time, first come first served."""

    def __init__(self, application, limit: int):
        self.application = application
        self.limit = limit
        self._semaphore: asyncio.Semaphore | None = None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.application(scope, receive, send)
        if self._semaphore is None:  # made in the server's running loop
            self._semaphore = asyncio.Semaphore(self.limit)
        async with self._semaphore:
            return await self.application(scope, receive, send)


def limited(application, limit: int):
    return AdmissionLimit(application, limit) if limit > 0 else application
