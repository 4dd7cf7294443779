"""The Redis channel layer with overflow counted and logged, never silent.

channels-redis drops a group message for every member channel that is full (a slow or stalled client)
and mentions it only at INFO. Rooms lose nothing for good (clients replay from the database on
reconnect), but operators must see it: each drop is counted on the layer and logged as a WARNING on the
"semilla" logger. Wired in cms/settings.py when REDIS_URL is set.
"""

import logging
from contextvars import ContextVar

from channels.exceptions import ChannelFull
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
