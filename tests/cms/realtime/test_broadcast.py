"""Broadcasts after commit: nothing for a rolled-back change; from an async-wrapped service, sent from the
event loop through this process's hub once the service has returned."""

import threading

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from cms.realtime.broadcast import Broadcast, broadcast_on_commit, broadcasting_from_loop
from cms.realtime.fanout import hub_for


def _broadcast(n: int, built_in: list | None = None) -> None:
    def make() -> dict:
        if built_in is not None:
            built_in.append(threading.get_ident())
        return {"type": "x", "group": "g", "text": str(n)}

    broadcast_on_commit(lambda: Broadcast(group="g", make=make), what="g")


@pytest.mark.django_db
def test_a_broadcast_goes_out_after_the_commit_and_never_for_a_rollback(
    in_memory_layer, django_capture_on_commit_callbacks
):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)("g", channel)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            _broadcast(1)
            raise RuntimeError
        _broadcast(2)
    assert len(callbacks) == 1
    assert async_to_sync(layer.receive)(channel)["text"] == "2"


class _Member:
    def __init__(self):
        self.got = []

    async def room_event(self, message: dict) -> None:
        self.got.append(message["text"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_wrapped_service_broadcasts_from_the_event_loop_through_the_hub(in_memory_layer):
    layer = get_channel_layer()
    member = _Member()
    await hub_for(layer).join("g", member)
    built_in: list[int] = []

    def service(*, n: int) -> int:
        _broadcast(n, built_in)
        assert member.got == []  # not from the database thread
        return n

    assert await broadcasting_from_loop(service)(n=3) == 3
    assert member.got == ["3"]  # this process's member has it already: no layer trip
    assert built_in == [threading.get_ident()]
    await hub_for(layer).leave("g", member)
