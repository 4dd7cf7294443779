"""The project's channel layers: overflow counted and logged, never silent; group_send cheap per member.

channels-redis drops a group message for every member channel that is full (a slow or stalled process) and
mentions it only at INFO. Live features lose nothing for good (e.g. the mentoring rooms' clients replay from the
database on reconnect), but operators must see it: each drop is counted on the layer and logged as a WARNING on
the "semilla" logger. CountingRedisChannelLayer is wired in cms/settings.py when REDIS_URL is set.

Without REDIS_URL, CountingInMemoryChannelLayer (one process) does the same for channels' in-memory layer,
which drops silently, and takes out its costs per message that grow with the number of connections.

The Redis layer overrides private methods of channels-redis (_brpop_with_clean, _clean_receive_backup,
_group_key, _map_channel_keys_to_connection, connection), so pyproject.toml pins channels-redis to one minor
version: check these when moving it. Each override is kept for a gain measured with bench/mentoring.py (figures
below, from README.md's "Salas de mentoría") and has its own test in tests/cms/realtime/.
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


# With one Redis host: the whole group_send in one script. Plain channels (no "!", e.g. each process's group hub,
# see fanout.py) get the message here; the process-specific ones ("...!...") are returned to be sent as upstream
# does, with the channel names inside the message.
_GROUP_SEND_ONE_TRIP_LUA = """
local now, expiry, group_expiry = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local prefix, message, capacity, skip = ARGV[4], ARGV[5], tonumber(ARGV[6]), ARGV[7]
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, math.floor(now) - group_expiry)
local dropped, specific, members, members_skipped = 0, {}, redis.call('ZRANGE', KEYS[1], 0, -1), 0
for _, channel in ipairs(members) do
    if channel == skip then
        members_skipped = 1
    elseif string.find(channel, '!', 1, true) then
        table.insert(specific, channel)
    else
        local key = prefix .. channel
        redis.call('ZREMRANGEBYSCORE', key, 0, math.floor(now) - expiry)
        if redis.call('ZCARD', key) < capacity then
            redis.call('ZADD', key, now, message)
            redis.call('EXPIRE', key, expiry)
        else
            dropped = dropped + 1
        end
    end
end
return {dropped, specific, #members - members_skipped}
"""


class _OverflowCounting:
    """Counts messages dropped for full channels (`overflows`) and logs each case; group_send is
    group_send_except (each layer's own) leaving nobody out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.overflows = 0

    def overflowed(self, *, target: str, dropped: int, members: int) -> None:
        self.overflows += dropped
        logger.warning(
            "channel layer full: %s of %s channels dropped a message for %s (%s dropped since start)",
            dropped,
            members,
            target,
            self.overflows,
        )

    async def send(self, channel, message):
        try:
            await super().send(channel, message)
        except ChannelFull:
            self.overflowed(target=channel, dropped=1, members=1)
            raise

    async def group_send(self, group, message):
        await self.group_send_except(group, message, None)


class CountingRedisChannelLayer(_OverflowCounting, RedisChannelLayer):
    """RedisChannelLayer that counts messages dropped for full channels (`overflows`) and logs each case,
    with fewer round trips per message (a broadcast's latency across processes is mostly round trips; these
    two together took messages crossing processes from p50 2.9 ms to 1.9-2.2 ms in bench/mentoring.py):

    - group_send: one round trip with one Redis host and plain member channels, two otherwise (upstream: four);
    - receive: the message is handed over as soon as Redis pops it. Upstream first copies it to a backup
      queue (one more round trip) in case the receive is cancelled before it returns, but nothing can
      cancel it there: no await is left between the pop and the return once the copy is gone."""

    # redis-py 8 gives up reading a reply after 5 s (its default socket timeout), exactly as long as upstream's
    # blocking pop waits: on a quiet channel the pop then raised instead of returning empty, and every consumer
    # of the process closed with 1011. The pop now ends well before the reader gives up.
    brpop_timeout = 2

    async def _brpop_with_clean(self, index, channel, timeout):
        result = await self.connection(index).bzpopmin(channel, timeout=timeout)
        return None if result is None else result[1]

    async def _clean_receive_backup(self, index, channel):
        """Nothing to clean: _brpop_with_clean keeps no backup."""

    async def group_send_except(self, group: str, message: dict, skip: str | None) -> None:
        """group_send to every member but the channel `skip` (the sender's own hub, which delivered already)."""
        assert self.require_valid_group_name(group), "Group name not valid"
        if self.ring_size > 1 or self.channel_capacity:  # keys on several hosts, or capacities per channel
            await self._group_send_two_trips(group, message, skip)
            return
        now = time.time()
        dropped, specific, members = await self.connection(0).eval(
            _GROUP_SEND_ONE_TRIP_LUA,
            1,
            self._group_key(group),
            now,
            self.expiry,
            self.group_expiry,
            self.prefix,
            self.serialize(message),
            self.capacity,
            skip or "",
        )
        if specific:
            dropped += await self._send_to_channels([x.decode("utf8") for x in specific], message)
        if dropped:
            self.overflowed(target=group, dropped=dropped, members=members)

    async def _group_send_two_trips(self, group, message, skip):
        """What channels-redis 4.3 does, in fewer round trips: group expiry and the member list in one
        pipeline, then per connection one script that expires old messages and adds the new one."""
        key = self._group_key(group)
        pipe = self.connection(self.consistent_hash(group)).pipeline(transaction=False)
        pipe.zremrangebyscore(key, min=0, max=int(time.time()) - self.group_expiry)
        pipe.zrange(key, 0, -1)
        _expired, members = await pipe.execute()
        channel_names = [x.decode("utf8") for x in members if x.decode("utf8") != skip]
        dropped = await self._send_to_channels(channel_names, message) if channel_names else 0
        if dropped:
            self.overflowed(target=group, dropped=dropped, members=len(channel_names))

    async def _send_to_channels(self, channel_names: list[str], message: dict) -> int:
        """Per connection one script that expires old messages and adds the new one; returns how many dropped."""
        by_connection, messages, capacities = self._map_channel_keys_to_connection(channel_names, message)
        dropped = 0
        for index, keys in by_connection.items():
            args = [messages[k] for k in keys] + [capacities[k] for k in keys] + [time.time(), self.expiry]
            dropped += await self.connection(index).eval(_GROUP_SEND_LUA, len(keys), *keys, *args)
        return dropped


class CountingInMemoryChannelLayer(_OverflowCounting, InMemoryChannelLayer):
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
        self._next_clean = 0.0

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now < self._next_clean:
            return
        self._next_clean = now + self.CLEAN_INTERVAL
        super()._clean_expired()

    async def group_send_except(self, group: str, message: dict, skip: str | None) -> None:
        """group_send to every member but the channel `skip` (the sender's own hub, which delivered already)."""
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        members = [channel for channel in self.groups.get(group, ()) if channel != skip]
        dropped = 0
        for channel in members:
            try:
                # Upstream's send, not the counting one: a group's drops are counted once, below.
                await InMemoryChannelLayer.send(self, channel, message)  # a task per member buys nothing
            except ChannelFull:
                dropped += 1
        if dropped:
            self.overflowed(target=group, dropped=dropped, members=len(members))
