"""Checks behind /healthz: database, migrations, channel layer round trip."""

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


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


async def _round_trip() -> bool:
    layer = get_channel_layer()
    if layer is None:
        return False
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "health.ping", "value": "ok"})
    message = await asyncio.wait_for(layer.receive(channel), timeout=2)
    return message.get("value") == "ok"


def channel_layer_round_trip() -> bool:
    try:
        return async_to_sync(_round_trip)()
    except Exception:
        return False


def health_report() -> dict[str, bool]:
    return {
        "database": database_reachable(),
        "migrations": migrations_applied(),
        "channel_layer": channel_layer_round_trip(),
    }
