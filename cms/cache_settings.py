"""The Redis cache's settings, apart from cms.cache so that settings.py imports no Django backend."""


def redis_cache_settings(url: str, *, connect_timeout: float = 0.5, timeout: float = 1.0) -> dict:
    """CACHES["default"] for Redis: the backend that survives an outage, with short socket timeouts so a
    Redis that does not answer cannot hold a request for long."""
    return {
        "BACKEND": "cms.cache.ResilientRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": connect_timeout, "socket_timeout": timeout},
    }
