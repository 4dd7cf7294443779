"""Group broadcasts fanned out inside each process: one channel-layer message per process, not per socket.

Channels delivers a group message to every member channel on its own: with Redis that is one message per
socket stored in Redis and about four round trips to take each one out again, one after the other; with the
in-memory layer a queue, a task and a dispatch per socket. Here each process joins a group once, with a
channel of its own, and hands every message to its members in this process (e.g. the consumers of one live
room), which send a frame serialised once by whoever broadcast it, the way a bare broadcast server writes to
its sockets.

A broadcast made in this process's event loop goes to this process's members at once, then through the layer
to the other processes with members in the group (Redis), not back to this hub (it would skip that copy
anyway). So the people connected to the same process as the sender never wait for Redis' round trips:
measured with `bench/mentoring.py`, the Redis fan-out p50 went from 3.5 ms to 1.3-1.5 ms with one process.

Messages: dicts with the `group` they are for (plus what the members need); members: anything with an async
`room_event(message)`. Nothing here knows what a message means.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
import weakref
from collections.abc import Callable
from typing import Protocol

logger = logging.getLogger("semilla")

RETRY_SECONDS = 1.0


class RoomMember(Protocol):
    """A member of a group in this process, e.g. a WebSocket consumer."""

    async def room_event(self, message: dict) -> None: ...


class RoomHub:
    """The groups ("rooms") of one process on one channel layer and event loop: who is connected here, per group."""

    def __init__(self, layer):
        self.layer = layer
        self.origin = uuid.uuid4().hex  # marks this hub's own broadcasts when the layer hands them back
        self.loop = asyncio.get_running_loop()
        self.rooms: dict[str, set[RoomMember]] = {}
        self.channel: str | None = None
        self.listener: asyncio.Task | None = None
        self.lock = asyncio.Lock()
        # broadcast_latest: keys in their quiet interval, each with the latest message waiting for its end.
        self.cooling: dict[str, Callable[[], dict] | None] = {}
        self.tasks: set[asyncio.Task] = set()

    async def join(self, group: str, member: RoomMember) -> None:
        async with self.lock:
            if self.listener is None:
                # A plain channel name (no "!"): with Redis it is read directly, without the buffering that
                # process-specific channels share, and group_send reaches it in one round trip (layers.py).
                self.channel = f"realtime.hub.{self.origin}"
                self.listener = asyncio.create_task(self._listen(self.channel))
            # Every join refreshes the membership, so it never reaches the layer's group expiry while in use.
            await self.layer.group_add(group, self.channel)
            self.rooms.setdefault(group, set()).add(member)

    async def leave(self, group: str, member: RoomMember) -> None:
        async with self.lock:
            members = self.rooms.get(group)
            if members is None or member not in members:
                return
            members.discard(member)
            if members:
                return
            del self.rooms[group]
            await self.layer.group_discard(group, self.channel)
            if not self.rooms and self.listener is not None:  # nobody left in this process: stop listening
                self.listener.cancel()
                self.listener, self.channel = None, None

    async def _listen(self, channel: str) -> None:
        while True:
            try:
                message = await self.layer.receive(channel)
            except asyncio.CancelledError:
                raise
            except Exception:  # e.g. Redis unreachable: members catch up by their own means once it is back
                logger.exception("group hub could not read from the channel layer; retrying")
                await asyncio.sleep(RETRY_SECONDS)
                continue
            if message.get("origin") != self.origin:
                await self.deliver(message)

    async def broadcast(self, message: dict) -> None:
        """Hand `message` to this process's members of its group now, then to the other processes."""
        await self.deliver(message)
        message = {**message, "origin": self.origin}
        send_except = getattr(self.layer, "group_send_except", None)  # layers.py's layers: not to ourselves
        if send_except is not None:
            await send_except(message["group"], message, self.channel)
        else:
            await self.layer.group_send(message["group"], message)

    async def broadcast_latest(self, key: str, make: Callable[[], dict], every: float) -> None:
        """Broadcast for `key` (e.g. one shared document of one group) at most once per `every` seconds from
        this process: the first at once; later ones replace each other and the latest goes out when the
        interval ends (trailing edge), so the last version always arrives. `make` builds the message when it
        is sent."""
        if key in self.cooling:
            self.cooling[key] = make
            return
        self.cooling[key] = None
        self.loop.call_later(every, self._cooled, key, every)
        await self.broadcast(make())

    def _cooled(self, key: str, every: float) -> None:
        make = self.cooling.pop(key, None)
        if make is None:
            return
        self.cooling[key] = None
        self.loop.call_later(every, self._cooled, key, every)
        task = self.loop.create_task(self._broadcast_made(make))
        self.tasks.add(task)  # the loop keeps only a weak reference to its tasks
        task.add_done_callback(self.tasks.discard)

    async def _broadcast_made(self, make: Callable[[], dict]) -> None:
        try:
            await self.broadcast(make())
        except Exception:  # the caller has moved on; nobody is left to tell
            logger.exception("delayed group broadcast failed")

    async def deliver(self, message: dict) -> None:
        """Hand one group message to each member of its group in this process, in order."""
        for member in list(self.rooms.get(message.get("group"), ())):
            try:
                await member.room_event(message)
            except Exception:  # one broken socket must not keep the frame from the others
                logger.exception("group event %s failed for one connection", message.get("type"))


_hubs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def hub_for(layer) -> RoomHub:
    """This process's hub for `layer` in the running event loop (tests start a new loop and layer each)."""
    hub = _hubs.get(layer)
    if hub is None or hub.loop is not asyncio.get_running_loop():
        hub = _hubs[layer] = RoomHub(layer)
    return hub
