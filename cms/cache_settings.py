"""The Redis cache's settings, apart from cms.cache so that settings.py imports no Django backend."""


def redis_cache_settings(
    url: str,
    *,
    connect_timeout: float = 0.5,
    timeout: float = 1.0,
    sentinels: list[tuple[str, int]] | None = None,
    db: int = 0,
) -> dict:
    """CACHES["default"] for Redis: the backend that survives an outage, with short socket timeouts so a
    Redis that does not answer cannot hold a request for long. With `sentinels`, `url` is the name of the
    master they watch (cms.cache.SentinelPool asks them where it is, again after a failover)."""
    options: dict = {"socket_connect_timeout": connect_timeout, "socket_timeout": timeout}
    if sentinels:
        options.update(pool_class="cms.cache.SentinelPool", sentinels=sentinels, db=db)
    return {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": url, "OPTIONS": options}


def sentinel_addresses(entries: list[str]) -> list[tuple[str, int]]:
    """REDIS_SENTINELS' "host:port" entries as (host, port); the port defaults to Sentinel's 26379."""
    addresses = []
    for entry in entries:
        host, _, port = entry.rpartition(":") if ":" in entry else (entry, "", "26379")
        addresses.append((host, int(port)))
    return addresses
