"""A full channel in Redis is counted and logged as a WARNING, never dropped silently. Needs REDIS_URL."""

import logging
import os
import uuid

import pytest
from channels.exceptions import ChannelFull

from incubator.mentoring.layers import CountingRedisChannelLayer

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL")
async_test = pytest.mark.asyncio


@pytest.fixture
def semilla_log(caplog):
    semilla = logging.getLogger("semilla")  # it does not propagate to the root, where caplog listens
    semilla.addHandler(caplog.handler)
    yield caplog
    semilla.removeHandler(caplog.handler)


def _layer() -> CountingRedisChannelLayer:
    return CountingRedisChannelLayer(hosts=[REDIS_URL], capacity=1, expiry=10,
                                     prefix=f"test-overflow-{uuid.uuid4().hex[:8]}")


def test_the_settings_use_the_counting_layer_with_redis(settings):
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == "incubator.mentoring.layers.CountingRedisChannelLayer"


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
