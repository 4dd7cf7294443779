"""The channel layers of the rooms: overflow counted and logged, never silent; group_send cheap per member.

channels-redis drops a group message for every member channel that is full (a slow or stalled process) and
mentions it only at INFO. Rooms lose nothing for good (clients replay from the database on reconnect), but
operators must see it: each drop is counted on the layer and logged as a WARNING on the "semilla" logger.
CountingRedisChannelLayer is wired in cms/settings.py when REDIS_URL is set.

Without REDIS_URL, CountingInMemoryChannelLayer (one process) does the same for channels' in-memory layer,
which drops silently, and takes out its costs per message that grow with the number of connections.
"""

import logging
import time

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer
from channels_redis.core import RedisChannelLayer

logger = logging.getLogger("semilla")

# channels-redis' group_send script, with the clean-up of expired messages moved inside it (upstream sends it
# as a pipeline of its own first): one round trip per Redis connection instead of two.
_GROUP_SEND_LUA = """
local over_capacity = 0
local current_time = tonumber(ARGV[#ARGV - 1])
local expiry = tonumber(ARGV[#ARGV])
for i = 1, #KEYS do
    redis.call('ZREMRANGEBYSCORE', KEYS[i], 0, math.floor(current_time) - expiry)
    if redis.call('ZCOUNT', KEYS[i], '-inf', '+inf') < tonumber(ARGV[i + #KEYS]) then
        redis.call('ZADD', KEYS[i], current_time, ARGV[i])
        redis.call('EXPIRE', KEYS[i], expiry)
    else
        over_capacity = over_capacity + 1
    end
end
return over_capacity
"""


class CountingRedisChannelLayer(RedisChannelLayer):
    """RedisChannelLayer that counts messages dropped for full channels (`overflows`) and logs each case,
    and sends to a group in two round trips instead of four (a broadcast's latency is mostly round trips)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.overflows = 0

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
        """What channels-redis 4.3 does, in fewer round trips: group expiry and the member list in one
        pipeline, then per connection one script that expires old messages and adds the new one."""
        assert self.require_valid_group_name(group), "Group name not valid"
        key = self._group_key(group)
        pipe = self.connection(self.consistent_hash(group)).pipeline(transaction=False)
        pipe.zremrangebyscore(key, min=0, max=int(time.time()) - self.group_expiry)
        pipe.zrange(key, 0, -1)
        _expired, members = await pipe.execute()
        channel_names = [x.decode("utf8") for x in members]
        by_connection, messages, capacities = self._map_channel_keys_to_connection(channel_names, message)
        dropped = 0
        for index, keys in by_connection.items():
            args = [messages[k] for k in keys] + [capacities[k] for k in keys] + [time.time(), self.expiry]
            dropped += await self.connection(index).eval(_GROUP_SEND_LUA, len(keys), *keys, *args)
        if dropped:
            self.overflowed(target=group, dropped=dropped, members=len(channel_names))


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
