"""Group broadcasts sent once the database transaction that caused them commits.

A service (sync, in the database thread) calls broadcast_on_commit; nobody hears of a change that is rolled back.
Called from code wrapped by broadcasting_from_loop (the async form of a service for a consumer), the broadcast is
not sent from the database thread but collected, and sent from the event loop once the service has returned
through this process's group hub (fanout.py): its own members first, then the other processes. So the single
database thread never waits on the channel layer (a Redis round trip per message), and the people connected to
the sender's process get it without any layer trip.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import transaction

from cms.realtime.fanout import hub_for

logger = logging.getLogger("semilla")


@dataclass(frozen=True)
class Broadcast:
    """One group message to send: `make` builds it when it goes out (it may stamp the time), and the message
    names its `group` (the hub's protocol). With `latest_key`, broadcasts sharing the key go out from the event
    loop at most once per `latest_every` seconds, the latest winning (fanout.RoomHub.broadcast_latest)."""

    group: str
    make: Callable[[], dict]
    latest_key: str | None = None
    latest_every: float | None = None


# Broadcasts collected while a service runs under broadcasting_from_loop.
_deferred: ContextVar[list[Broadcast] | None] = ContextVar("realtime_deferred_broadcasts", default=None)


def broadcast_on_commit(prepare: Callable[[], Broadcast], *, what: str) -> None:
    """Send the Broadcast that `prepare` returns once the current transaction commits (now if none).

    `prepare` runs right after the commit, in the caller's thread, so it may read the database (e.g. a list
    that must include the change). A failure is logged with `what`, never raised: the change is saved, and
    clients catch up by their own means (e.g. a replay on reconnect)."""

    def send() -> None:
        try:
            outgoing = prepare()
            pending = _deferred.get()
            if pending is not None:
                pending.append(outgoing)
                return
            layer = get_channel_layer()
            if layer is not None:
                async_to_sync(layer.group_send)(outgoing.group, outgoing.make())
        except Exception:
            logger.exception("broadcast failed for %s", what)

    transaction.on_commit(send)


def broadcasting_from_loop(service: Callable) -> Callable:
    """`service` (keyword arguments only) run in the database thread; the broadcasts it asks for go out
    from the event loop once it has returned, raised or not."""
    in_db_thread = database_sync_to_async(service)

    @functools.wraps(service)
    async def run(**kwargs):
        pending: list[Broadcast] = []
        token = _deferred.set(pending)
        try:
            return await in_db_thread(**kwargs)
        finally:
            _deferred.reset(token)
            layer = get_channel_layer()
            for outgoing in pending if layer is not None else ():
                try:
                    if outgoing.latest_every:
                        await hub_for(layer).broadcast_latest(outgoing.latest_key, outgoing.make, outgoing.latest_every)
                        continue
                    await hub_for(layer).broadcast(outgoing.make())
                except Exception:  # the change is saved; clients catch up by their own means
                    logger.exception("broadcast failed for %s", outgoing.group)

    return run
