"""A full channel in Redis is counted and logged as a WARNING, never dropped silently. Needs REDIS_URL."""

import asyncio
import logging
import os
import uuid
from unittest import mock

import pytest
from channels.exceptions import ChannelFull

from cms.realtime.layers import CountingRedisChannelLayer

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL")
async_test = pytest.mark.asyncio


def _layer() -> CountingRedisChannelLayer:
    return CountingRedisChannelLayer(
        hosts=[REDIS_URL], capacity=1, expiry=10, prefix=f"test-overflow-{uuid.uuid4().hex[:8]}"
    )


def test_the_settings_use_the_counting_layer_with_redis(settings):
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == "cms.realtime.layers.CountingRedisChannelLayer"


@async_test
async def test_a_group_message_to_a_full_channel_is_counted_and_logged(semilla_log):
    layer = _layer()
    try:
        channel = await layer.new_channel()
        await layer.group_add("mentoring.session.1", channel)
        await layer.group_send("mentoring.session.1", {"type": "room.broadcast", "payload": {"n": 1}})
        assert layer.overflows == 0
        await layer.group_send("mentoring.session.1", {"type": "room.broadcast", "payload": {"n": 2}})
        assert layer.overflows == 1
        warnings = [r for r in semilla_log.records if r.name == "semilla" and r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "mentoring.session.1" in warnings[0].getMessage()
        assert (await layer.receive(channel))["payload"] == {"n": 1}
    finally:
        await layer.flush()
        await layer.close_pools()


@async_test
async def test_a_direct_send_to_a_full_channel_is_counted_and_still_raises(semilla_log):
    layer = _layer()
    try:
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "x"})
        with pytest.raises(ChannelFull):
            await layer.send(channel, {"type": "x"})
        assert layer.overflows == 1
        assert any("channel layer full" in r.getMessage() for r in semilla_log.records)
    finally:
        await layer.flush()
        await layer.close_pools()


@async_test
async def test_a_group_of_plain_channels_gets_a_message_in_one_round_trip_and_overflow_is_counted(semilla_log):
    layer = _layer()
    try:
        hub_a, hub_b = "mentoring.hub.a", "mentoring.hub.b"  # each process's group hub (cms.realtime.fanout)
        for channel in (hub_a, hub_b):
            await layer.group_add("mentoring.session.1", channel)
        connection = layer.connection(0)
        with (
            mock.patch.object(connection, "execute_command", wraps=connection.execute_command) as trips,
            mock.patch.object(layer, "_send_to_channels", wraps=layer._send_to_channels) as second_trip,
        ):
            await layer.group_send("mentoring.session.1", {"type": "room.broadcast", "text": "uno"})
        assert trips.await_count == 1 and second_trip.await_count == 0
        assert (await layer.receive(hub_a))["text"] == "uno"
        await layer.group_send("mentoring.session.1", {"type": "room.broadcast", "text": "dos"})  # hub_b is full
        assert layer.overflows == 1
        warnings = [r.getMessage() for r in semilla_log.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "1 of 2 channels" in warnings[0]
        assert (await layer.receive(hub_b))["text"] == "uno"
        assert (await layer.receive(hub_a))["text"] == "dos"
    finally:
        await layer.flush()
        await layer.close_pools()


@async_test
async def test_a_group_mixing_plain_and_process_specific_channels_reaches_both():
    layer = _layer()
    try:
        specific = await layer.new_channel()
        for channel in ("mentoring.hub.a", specific):
            await layer.group_add("mentoring.session.1", channel)
        await layer.group_send("mentoring.session.1", {"type": "room.broadcast", "text": "hola"})
        assert (await layer.receive("mentoring.hub.a"))["text"] == "hola"
        assert (await layer.receive(specific))["text"] == "hola"
        assert layer.overflows == 0
    finally:
        await layer.flush()
        await layer.close_pools()


@async_test
async def test_a_received_message_leaves_no_backup_copy_in_redis():
    layer = _layer()
    try:
        await layer.send("mentoring.hub.a", {"type": "x"})
        assert (await layer.receive("mentoring.hub.a"))["type"] == "x"
        assert await layer.connection(0).keys(f"{layer.prefix}*") == []
    finally:
        await layer.flush()
        await layer.close_pools()


@async_test
async def test_a_receive_on_a_quiet_channel_outlasts_the_redis_client_read_timeout():
    layer = _layer()
    try:
        for channel in ("mentoring.hub.a", await layer.new_channel()):
            waiting = asyncio.ensure_future(layer.receive(channel))
            await asyncio.sleep(6)  # redis-py's default socket timeout is 5 s
            assert not waiting.done()
            await layer.send(channel, {"type": "x"})
            assert (await asyncio.wait_for(waiting, 5))["type"] == "x"
    finally:
        await layer.flush()
        await layer.close_pools()


@async_test
async def test_a_group_send_can_leave_out_the_senders_own_channel():
    layer = _layer()
    try:
        specific = await layer.new_channel()
        for channel in ("mentoring.hub.a", "mentoring.hub.b", specific):
            await layer.group_add("mentoring.session.1", channel)
        await layer.group_send_except(
            "mentoring.session.1", {"type": "room.broadcast", "text": "hola"}, "mentoring.hub.a"
        )
        assert (await layer.receive("mentoring.hub.b"))["text"] == "hola"
        assert (await layer.receive(specific))["text"] == "hola"
        assert await layer.connection(0).zcard(f"{layer.prefix}mentoring.hub.a") == 0
    finally:
        await layer.flush()
        await layer.close_pools()
