"""Checks behind /healthz: database, migrations, cache, channel layer round trip."""

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

ROUND_TRIP_SECONDS = 2
_PROBE_KEY = "healthz:probe"


def database_reachable() -> bool:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:
        return False


def migrations_applied() -> bool:
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return False


def cache_reachable() -> bool:
    """The cache answers. A Redis cache is pinged: its reads and writes hide an outage by design."""
    backend = caches["default"]
    try:
        ping = getattr(backend, "ping", None)
        if ping is not None:
            return bool(ping())
        backend.set(_PROBE_KEY, "ok", 30)
        return backend.get(_PROBE_KEY) == "ok"
    except Exception:
        return False


async def _round_trip() -> bool:
    layer = get_channel_layer()
    if layer is None:
        return False
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "health.ping", "value": "ok"})
    message = await layer.receive(channel)
    return message.get("value") == "ok"


async def _round_trip_bounded() -> bool:
    # The whole trip is bounded, not only the receive: connecting to a Redis that does not answer can hang too.
    return await asyncio.wait_for(_round_trip(), timeout=ROUND_TRIP_SECONDS)


def channel_layer_round_trip() -> bool:
    try:
        return async_to_sync(_round_trip_bounded)()
    except Exception:
        return False


def health_report() -> dict[str, bool]:
    return {
        "database": database_reachable(),
        "migrations": migrations_applied(),
        "cache": cache_reachable(),
        "channel_layer": channel_layer_round_trip(),
    }
