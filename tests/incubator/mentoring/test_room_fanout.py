"""The outgoing path of a room: one serialisation per broadcast, one layer message per process (the hub hands
it to the room's sockets here), no thread hop per member."""

import json
from unittest import mock

import pytest
from channels.layers import channel_layers, get_channel_layer

from cms.realtime.fanout import hub_for
from incubator.mentoring import services

from .test_room_consumer import join, until

async_test = pytest.mark.asyncio


@pytest.fixture
def in_memory_layer(settings):
    """The embedded default, whatever REDIS_URL says: its groups can be looked at."""
    channel_layers.backends.clear()
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "cms.realtime.layers.CountingInMemoryChannelLayer"}}
    yield
    channel_layers.backends.clear()


def test_a_broadcast_is_serialised_once_with_its_stamp():
    message = services._stamped(
        "mentoring.session.1", {"type": "room.broadcast", "payload": {"type": "message", "message": {"id": 7}}}
    )
    assert message["group"] == "mentoring.session.1"
    assert set(message) == {"type", "group", "text"}
    frame = json.loads(message["text"])
    assert frame["type"] == "message" and frame["message"] == {"id": 7}
    assert isinstance(frame["sent_at"], float)


def test_a_removal_names_the_person_next_to_the_ready_frame():
    message = services._stamped(
        "mentoring.session.1", {"type": "room.removed", "payload": {"type": "member.removed", "user_id": 3}}
    )
    assert message["user_id"] == 3
    assert json.loads(message["text"])["user_id"] == 3


@pytest.mark.django_db(transaction=True)
@async_test
async def test_a_room_is_one_layer_member_per_process_and_every_socket_gets_the_frame(
    session, mentor, learner, in_memory_layer
):
    mentor_comm, learner_comm = await join(mentor, session.pk), await join(learner, session.pk)
    await until(mentor_comm, "state")
    await until(learner_comm, "state")
    layer, group = get_channel_layer(), services.group_name(session.pk)
    assert len(layer.groups[group]) == 1  # the hub's channel, not one per socket
    hops = mock.AsyncMock()
    with mock.patch("channels.consumer.aclose_old_connections", hops):
        await layer.group_send(
            group,
            {
                "type": "room.broadcast",
                "group": group,
                "text": '{"type": "notes", "text": "hola", "version": 2}',
            },
        )
        for comm in (mentor_comm, learner_comm):
            assert (await until(comm, "notes"))["text"] == "hola"
    hops.assert_not_called()  # no trip through the sync thread per socket
    await mentor_comm.disconnect()
    await learner_comm.disconnect()
    assert group not in layer.groups and hub_for(layer).listener is None
