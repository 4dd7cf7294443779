"""The per-process group hub and the in-memory layer: one layer message per process (the hub hands it to the
group's members here), own process first, overflow counted."""

import asyncio
import logging
from unittest import mock

import pytest
from channels.exceptions import ChannelFull

from cms.realtime.fanout import RoomHub
from cms.realtime.layers import CountingInMemoryChannelLayer

async_test = pytest.mark.asyncio


def test_the_embedded_default_uses_the_counting_in_memory_layer(settings):
    if settings.CHANNEL_LAYERS["default"]["BACKEND"].endswith("CountingRedisChannelLayer"):
        pytest.skip("REDIS_URL is set")
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == "cms.realtime.layers.CountingInMemoryChannelLayer"


@async_test
async def test_the_in_memory_layer_delivers_to_every_member_and_counts_a_full_one(semilla_log):
    layer = CountingInMemoryChannelLayer(capacity=1, expiry=10)
    full, free = await layer.new_channel(), await layer.new_channel()
    await layer.group_add("mentoring.session.1", full)
    await layer.send(full, {"type": "x"})
    await layer.group_add("mentoring.session.1", free)
    await layer.group_send("mentoring.session.1", {"type": "room.broadcast", "text": "{}"})
    assert layer.overflows == 1
    assert (await layer.receive(free)) == {"type": "room.broadcast", "text": "{}"}
    assert (await layer.receive(full)) == {"type": "x"}
    warnings = [r for r in semilla_log.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "1 of 2 channels" in warnings[0].getMessage()


@async_test
async def test_a_direct_send_to_a_full_in_memory_channel_is_counted_and_still_raises():
    layer = CountingInMemoryChannelLayer(capacity=1, expiry=10)
    channel = await layer.new_channel()
    await layer.send(channel, {"type": "x"})
    with pytest.raises(ChannelFull):
        await layer.send(channel, {"type": "x"})
    assert layer.overflows == 1


@async_test
async def test_expired_messages_still_go_once_the_sweep_is_due():
    layer = CountingInMemoryChannelLayer(capacity=5, expiry=0)
    channel = await layer.new_channel()
    await layer.group_add("mentoring.session.1", channel)
    await layer.send(channel, {"type": "old"})
    layer._next_clean = 0.0  # the sweep is due
    layer._clean_expired()
    assert channel not in layer.channels
    assert "mentoring.session.1" not in layer.groups or channel not in layer.groups["mentoring.session.1"]


class _Member:
    def __init__(self, fail: bool = False):
        self.fail, self.got = fail, []

    async def room_event(self, message: dict) -> None:
        if self.fail:
            raise RuntimeError("socket gone")
        self.got.append(message["text"])


@async_test
async def test_the_hub_hands_a_message_to_its_room_only_and_survives_a_broken_member():
    hub = RoomHub(CountingInMemoryChannelLayer())
    broken, ok, elsewhere = _Member(fail=True), _Member(), _Member()
    await hub.join("mentoring.session.1", broken)
    await hub.join("mentoring.session.1", ok)
    await hub.join("mentoring.session.2", elsewhere)
    await hub.deliver({"type": "room.broadcast", "group": "mentoring.session.1", "text": "hola"})
    assert ok.got == ["hola"] and elsewhere.got == []
    for group, member in (
        ("mentoring.session.1", broken),
        ("mentoring.session.1", ok),
        ("mentoring.session.2", elsewhere),
    ):
        await hub.leave(group, member)
    assert hub.rooms == {} and hub.listener is None and hub.layer.groups == {}


@async_test
async def test_a_broadcast_reaches_this_process_at_once_and_the_others_through_the_layer_exactly_once():
    layer = CountingInMemoryChannelLayer()
    here, there = RoomHub(layer), RoomHub(layer)  # two processes' hubs sharing one layer, as with Redis
    near, far = _Member(), _Member()
    await here.join("mentoring.session.1", near)
    await there.join("mentoring.session.1", far)
    frame = {"type": "room.broadcast", "group": "mentoring.session.1", "text": "hola"}
    with mock.patch.object(layer, "group_send_except", wraps=layer.group_send_except) as group_send:
        await here.broadcast(frame)
        assert near.got == ["hola"] and far.got == []  # before any layer round trip
    group_send.assert_awaited_once_with("mentoring.session.1", mock.ANY, here.channel)
    for _ in range(50):
        if far.got:
            break
        await asyncio.sleep(0.01)
    assert far.got == ["hola"]
    await asyncio.sleep(0.05)
    assert near.got == ["hola"]  # once: the layer did not hand it back to `here`
    assert layer.channels.get(here.channel) is None or layer.channels[here.channel].empty()
    await here.leave("mentoring.session.1", near)
    await there.leave("mentoring.session.1", far)
