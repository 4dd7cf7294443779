"""A Redis cache that, when Redis is unreachable, behaves as an empty cache instead of failing the request.

Sessions (cached_db), the page-route cache and Wagtail all read through `django.core.cache`: with Django's own
RedisCache a stopped Redis made every page answer 500. Here a connection or timeout error is logged (at most
once per LOG_INTERVAL_SECONDS per process) and answered as a miss: reads return the default, writes are
dropped, so sessions come from the database and pages work, only slower. The pool's short socket timeouts
(settings) keep a dead Redis from holding a request.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.sentinel import Sentinel, SentinelConnectionPool

logger = logging.getLogger("semilla.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
LOG_INTERVAL_SECONDS = 60


class ResilientRedisCache(RedisCache):
    """Django's RedisCache; an unreachable Redis counts as a cache miss, logged, never raised."""

    _last_logged = 0.0
    _log_lock = threading.Lock()

    def _unreachable(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        with self._log_lock:
            last = ResilientRedisCache._last_logged
            if last and now - last < LOG_INTERVAL_SECONDS:
                return
            ResilientRedisCache._last_logged = now
        logger.warning("cache unreachable (%s): %s; serving without cache", operation, error)

    def ping(self) -> bool:
        """Ask Redis itself (raises when it is unreachable): what /healthz uses, since reads hide an outage."""
        return bool(self._cache.get_client(write=True).ping())

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as error:
            self._unreachable("add", error)
            return False

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            self._unreachable("get", error)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE as error:
            self._unreachable("set", error)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE as error:
            self._unreachable("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            self._unreachable("delete", error)
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            self._unreachable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            self._unreachable("has_key", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._unreachable("incr", error)
            raise ValueError(f"Key '{key}' not found") from error  # what a miss raises in every backend

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE as error:
            self._unreachable("set_many", error)
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except UNREACHABLE as error:
            self._unreachable("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except UNREACHABLE as error:
            self._unreachable("clear", error)
            return False


class SentinelPool(SentinelConnectionPool):
    """The cache's connection pool through Redis Sentinel (REDIS_SENTINELS): Django's Redis cache builds its pool
    with `from_url(LOCATION, **OPTIONS)`; here LOCATION is the master's name and OPTIONS hold the sentinels.
    A connection asks the sentinels for the master, so after a failover the new one is found by itself."""

    @classmethod
    def from_url(cls, url: str, *, sentinels, **options):
        timeouts = {k: options[k] for k in ("socket_connect_timeout", "socket_timeout") if k in options}
        return cls(url, Sentinel(sentinels, sentinel_kwargs=timeouts), **options)


class SharedFileCache(FileBasedCache):
    """Django's file cache, shared by the processes of the embedded default (`make run`: HTTP workers, Daphne,
    the job worker) without a server: sessions (cached_db), the page tree's version stamp (cms.page_cache) and
    Wagtail's site paths are then the same in every process, so a sign-out or an unpublished page is seen by
    all of them at once. Each entry is a file written aside and renamed into place, so a reader sees the old
    or the new value, never half of one; reads cost 20-100 microseconds on this machine.

    Django's file cache lists its whole directory on every write to see whether it is over MAX_ENTRIES
    (5 ms with 3,000 entries: a session written by every page view would pay it). Here the count is taken
    once every CULL_EVERY writes of a process; between two counts the directory may hold a few more."""

    CULL_EVERY = 200

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes = 0

    def _cull(self):
        self._writes += 1
        if self._writes % self.CULL_EVERY == 1:
            super()._cull()
