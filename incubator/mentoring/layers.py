"""The channel layers of the rooms: overflow counted and logged, never silent; group_send cheap per member.

channels-redis drops a group message for every member channel that is full (a slow or stalled client)
and mentions it only at INFO. Rooms lose nothing for good (clients replay from the database on
reconnect), but operators must see it: each drop is counted on the layer and logged as a WARNING on the
"semilla" logger. Wired in cms/settings.py when REDIS_URL is set.

Without REDIS_URL, CountingInMemoryChannelLayer (one process) does the same for channels' in-memory layer,
which drops silently, and takes out its costs per message that grow with the number of connections.
"""

import logging
import time
from contextvars import ContextVar

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer
from channels_redis.core import RedisChannelLayer

logger = logging.getLogger("semilla")
_core_logger = logging.getLogger("channels_redis.core")
_sending: ContextVar["CountingRedisChannelLayer | None"] = ContextVar("semilla_layer_sending", default=None)


class _OverCapacityFilter(logging.Filter):
    """Turns channels-redis' "N of M channels over capacity in group G" into a count and a WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        layer = _sending.get()
        if layer is None or "over capacity" not in str(record.msg) or len(record.args or ()) != 3:
            return True
        dropped, members, group = record.args
        layer.overflowed(target=str(group), dropped=int(dropped), members=int(members))
        return False  # said again, louder, by overflowed()


_FILTER = _OverCapacityFilter()
if _FILTER not in _core_logger.filters:
    _core_logger.addFilter(_FILTER)


class CountingRedisChannelLayer(RedisChannelLayer):
    """RedisChannelLayer that counts messages dropped for full channels (`overflows`) and logs each case."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.overflows = 0
        # The drop is only visible as an INFO record; a stricter level would make it silent again.
        if not _core_logger.isEnabledFor(logging.INFO):
            _core_logger.setLevel(logging.INFO)

    def overflowed(self, *, target: str, dropped: int, members: int) -> None:
        self.overflows += dropped
        logger.warning(
            "channel layer full: %s of %s channels dropped a message for %s (%s dropped since start)",
            dropped, members, target, self.overflows,
        )

    async def send(self, channel, message):
        try:
            await super().send(channel, message)
        except ChannelFull:
            self.overflowed(target=channel, dropped=1, members=1)
            raise

    async def group_send(self, group, message):
        token = _sending.set(self)
        try:
            await super().group_send(group, message)
        finally:
            _sending.reset(token)


class CountingInMemoryChannelLayer(InMemoryChannelLayer):
    """InMemoryChannelLayer that counts and logs messages dropped for full channels (`overflows`), and whose
    group_send and receive cost does not grow with the number of connections in the process.

    Upstream sweeps every queue and every group membership for expired entries on each receive and each
    group_send: with 500 sockets that is ~1,000 steps per delivery, paid 11 times per message in a room of
    10. Here the sweep runs at most once per CLEAN_INTERVAL seconds (expiry is a minute, so a message may
    outlive it by a second at most), and group_send puts the message in each member's queue directly
    instead of one task per member."""

    CLEAN_INTERVAL = 1.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.overflows = 0
        self._next_clean = 0.0

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now < self._next_clean:
            return
        self._next_clean = now + self.CLEAN_INTERVAL
        super()._clean_expired()

    def overflowed(self, *, target: str, dropped: int, members: int) -> None:
        self.overflows += dropped
        logger.warning(
            "channel layer full: %s of %s channels dropped a message for %s (%s dropped since start)",
            dropped, members, target, self.overflows,
        )

    async def send(self, channel, message):
        try:
            await super().send(channel, message)
        except ChannelFull:
            self.overflowed(target=channel, dropped=1, members=1)
            raise

    async def group_send(self, group, message):
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        members = list(self.groups.get(group, ()))
        dropped = 0
        for channel in members:
            try:
                await super().send(channel, message)  # no await inside: a task per member buys nothing
            except ChannelFull:
                dropped += 1
        if dropped:
            self.overflowed(target=group, dropped=dropped, members=len(members))
