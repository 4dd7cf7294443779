"""The room's WebSocket protocol, event by event and refusal by refusal (docs/websocket-protocol.md)."""

import asyncio
from datetime import timedelta
from unittest import mock

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from cms.asgi import application
from incubator.mentoring import consumers, services
from incubator.mentoring.consumers import RoomConsumer
from incubator.mentoring.models import (
    Attendance,
    HandRaise,
    MentoringSession,
    PollVote,
    RoomMessage,
    RoomMute,
    RoomRemoval,
)
from tests.factories import CohortFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def fresh_layer():
    """A new in-memory layer per test: its queues belong to the test's event loop."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def fresh_limits():
    consumers._recent.clear()
    consumers._sockets.clear()
    yield


class FrozenClock:
    """consumers.clock, standing still until a test moves it: limits are counted without waiting."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def frozen_clock():
    clock = FrozenClock()
    with mock.patch.object(consumers, "clock", clock):
        yield clock


def communicator(user, session_id: int) -> WebsocketCommunicator:
    comm = WebsocketCommunicator(RoomConsumer.as_asgi(), f"/ws/mentorias/{session_id}/")
    comm.scope["user"] = user
    comm.scope["url_route"] = {"kwargs": {"session_id": session_id}}
    return comm


async def until(comm: WebsocketCommunicator, kind: str, timeout: float = 3) -> dict:
    """Read frames until one of type `kind` arrives (others, like presence updates, are skipped)."""
    async with asyncio.timeout(timeout):
        while True:
            frame = await comm.receive_json_from(timeout=timeout)
            if frame["type"] == kind:
                return frame


async def join(user, session_id: int, last_seen_id: int | None = None) -> WebsocketCommunicator:
    comm = communicator(user, session_id)
    connected, _ = await comm.connect()
    assert connected
    welcome = await until(comm, "welcome")
    assert welcome["user_id"] == user.pk
    await comm.send_json_to({"type": "hello", "last_seen_id": last_seen_id})
    return comm


async def close_code(comm: WebsocketCommunicator) -> int:
    async with asyncio.timeout(3):
        while True:
            output = await comm.receive_output(timeout=3)
            if output["type"] == "websocket.close":
                return output["code"]


# --- Refusals -----------------------------------------------------------------------------


async def test_an_anonymous_visitor_is_closed_with_4401(session):
    from django.contrib.auth.models import AnonymousUser

    comm = communicator(AnonymousUser(), session.pk)
    await comm.connect()
    assert await close_code(comm) == 4401
    await comm.disconnect()


async def test_a_learner_outside_the_session_is_closed_with_4403(session, stranger):
    comm = communicator(stranger, session.pk)
    await comm.connect()
    assert await close_code(comm) == 4403
    await comm.disconnect()


async def test_an_unknown_session_is_closed_with_4404(stranger):
    comm = communicator(stranger, 999999)
    await comm.connect()
    assert await close_code(comm) == 4404
    await comm.disconnect()


async def test_the_room_refuses_before_it_opens_with_4425(make_session, learner):
    later = await database_sync_to_async(make_session)(starts_in=timedelta(minutes=30))
    comm = communicator(learner, later.pk)
    await comm.connect()
    assert await close_code(comm) == 4425
    await comm.disconnect()


async def test_a_closed_room_refuses_with_4410(session, learner, mentor):
    await database_sync_to_async(services.session_close)(session=session, by=mentor)
    comm = communicator(learner, session.pk)
    await comm.connect()
    assert await close_code(comm) == 4410
    await comm.disconnect()


async def test_a_removed_person_cannot_come_back(session, learner, mentor):
    await database_sync_to_async(services.member_remove)(session_id=session.pk, user_id=learner.pk, by=mentor)
    comm = communicator(learner, session.pk)
    await comm.connect()
    assert await close_code(comm) == 4403
    await comm.disconnect()


async def _handshake(session_id: int, origin: str | None) -> bool:
    headers = [(b"host", b"127.0.0.1:8000")] + ([(b"origin", origin.encode())] if origin is not None else [])
    comm = WebsocketCommunicator(application, f"/ws/mentorias/{session_id}/", headers=headers)
    connected, _ = await comm.connect()
    await comm.disconnect()
    return connected


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "http://127.0.0.1:8001",
        "http://127.0.0.1:9",
        "http://127.0.0.1:8399",
        "https://127.0.0.1:8000",
        "http://127.0.0.1",
        "http://localhost:8000",
        "null",
        "",
        None,
    ],
)
async def test_only_the_sites_own_origin_opens_a_socket(session, learner, settings, origin):
    """Scheme, host and port must all match SITE_URL's: not another port (the H5P content server), another
    host the site answers to, or no origin at all."""
    settings.SEMILLA_WS_ALLOWED_ORIGINS = ["http://127.0.0.1:8000"]
    assert not await _handshake(session.pk, origin)
    assert await _handshake(session.pk, "http://127.0.0.1:8000")


async def test_the_h5p_host_is_not_an_allowed_origin_in_production(session, settings):
    settings.ALLOWED_HOSTS = ["semilla.example", "h5p.semilla.example"]
    settings.SEMILLA_WS_ALLOWED_ORIGINS = ["https://semilla.example/"]
    assert not await _handshake(session.pk, "https://h5p.semilla.example")
    assert not await _handshake(session.pk, "http://semilla.example")
    assert await _handshake(session.pk, "https://semilla.example:443")


async def test_only_the_coordination_of_the_sessions_cohort_enters(session, coordinator):
    comm = communicator(coordinator, session.pk)
    await comm.connect()
    assert await close_code(comm) == 4403  # she coordinates no cohort of this session
    await comm.disconnect()
    cohort = await database_sync_to_async(CohortFactory)(coordinators=[coordinator])
    await database_sync_to_async(MentoringSession.objects.filter(pk=session.pk).update)(cohort=cohort)
    comm = await join(coordinator, session.pk)
    history = await until(comm, "history")
    assert history["messages"] == []
    await comm.disconnect()


# --- Chat, history and replay -------------------------------------------------------------


async def test_a_message_is_saved_then_reaches_everyone(session, learner, mentor):
    a, b = await join(learner, session.pk), await join(mentor, session.pk)
    await a.send_json_to({"type": "message.send", "text": "<b>Hola</b>"})
    got_a, got_b = await until(a, "message"), await until(b, "message")
    assert got_a == got_b
    assert got_a["message"]["text"] == "<b>Hola</b>"  # plain text: the client escapes it
    saved = await database_sync_to_async(RoomMessage.objects.get)(pk=got_a["message"]["id"])
    assert saved.author_id == learner.pk
    await a.disconnect()
    await b.disconnect()


async def test_hello_sends_the_last_50_then_state(session, learner):
    await database_sync_to_async(RoomMessage.objects.bulk_create)(
        [RoomMessage(session=session, author=learner, text=f"m{n}", seq=n + 1) for n in range(55)]
    )
    comm = await join(learner, session.pk)
    history = await until(comm, "history")
    assert len(history["messages"]) == 50 and history["has_more"] and not history["replay"]
    assert history["messages"][-1]["text"] == "m54"
    state = await until(comm, "state")
    assert set(state) >= {"people", "hands", "polls", "notes", "muted"}
    await comm.send_json_to({"type": "history.before", "before_id": history["messages"][0]["id"]})
    page = await until(comm, "history.page")
    assert [m["text"] for m in page["messages"]] == ["m0", "m1", "m2", "m3", "m4"] and not page["has_more"]
    await comm.disconnect()


async def test_reconnecting_with_the_last_id_replays_only_what_was_missed(session, learner, mentor):
    first = await database_sync_to_async(RoomMessage.objects.create)(session=session, author=mentor, text="uno", seq=1)
    missed = [
        await database_sync_to_async(RoomMessage.objects.create)(session=session, author=mentor, text=t, seq=n)
        for n, t in enumerate(("dos", "tres", "cuatro"), start=2)
    ]
    await database_sync_to_async(services.message_delete)(session_id=session.pk, message_id=first.pk, by=mentor)
    comm = await join(learner, session.pk, last_seen_id=first.pk)
    history = await until(comm, "history")
    assert history["replay"] is True
    assert [m["id"] for m in history["messages"]] == [m.pk for m in missed]
    assert history["deleted_ids"] == [first.pk]
    await comm.disconnect()


async def test_a_message_seen_late_is_replayed_from_the_last_contiguous_seq(session, learner, mentor):
    """Another process may deliver seq 3 before seq 2. A client that then drops asks from seq 1, the last one
    up to which it holds everything, and gets 2 (the highest id it saw, 3, would have skipped it)."""
    post = database_sync_to_async(services.message_post)
    comm = await join(learner, session.pk)
    await until(comm, "state")
    one = await post(session_id=session.pk, author=mentor, text="uno")
    assert (await until(comm, "message"))["message"]["seq"] == 1
    with mock.patch.object(services, "room_broadcast"):  # its broadcast is still on its way from elsewhere
        two = await post(session_id=session.pk, author=mentor, text="dos")
    three = await post(session_id=session.pk, author=mentor, text="tres")
    assert (one.seq, two.seq, three.seq) == (1, 2, 3)
    got = (await until(comm, "message"))["message"]
    assert got["seq"] == 3
    await comm.disconnect()
    back = await join(learner, session.pk)
    await back.send_json_to({"type": "replay", "last_seq": 1})
    history = await until(back, "history")  # the hello's own comes first
    history = await until(back, "history")
    assert history["after_seq"] == 1
    assert [(m["seq"], m["text"]) for m in history["messages"]] == [(2, "dos"), (3, "tres")]
    await back.disconnect()
    again = await join(learner, session.pk, last_seen_id=one.pk)  # a page's first hello knows ids, not seqs
    history = await until(again, "history")
    assert history["after_seq"] == 1 and [m["seq"] for m in history["messages"]] == [2, 3]
    await again.disconnect()


async def test_concurrent_posts_in_one_room_get_consecutive_seqs(session, learner, mentor, other_learner):
    """Posts racing in threads of their own (PostgreSQL only: the in-memory SQLite test database is one
    connection shared by every thread, which cannot race; the file one serialises every write anyway)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("needs a database with concurrent connections")
    post = database_sync_to_async(services.message_post, thread_sensitive=False)
    await asyncio.gather(
        *(
            post(session_id=session.pk, author=person, text=f"m{n}")
            for n in range(4)
            for person in (learner, mentor, other_learner)
        )
    )
    rows = await database_sync_to_async(list)(
        RoomMessage.objects.filter(session=session).order_by("id").values_list("seq", flat=True)
    )
    assert rows == list(range(1, 13))
    refreshed = await database_sync_to_async(MentoringSession.objects.get)(pk=session.pk)
    assert refreshed.message_seq == 12


async def test_the_sixth_quick_message_gets_a_spanish_error(session, learner):
    comm = await join(learner, session.pk)
    for n in range(5):
        await comm.send_json_to({"type": "message.send", "text": f"m{n}"})
        await until(comm, "message")
    await comm.send_json_to({"type": "message.send", "text": "otra"})
    error = await until(comm, "error")
    assert error["code"] == "rate_limited" and "Espera" in error["message"]
    await comm.disconnect()


async def test_a_too_long_message_is_refused(session, learner):
    comm = await join(learner, session.pk)
    await comm.send_json_to({"type": "message.send", "text": "a" * 2001})
    assert (await until(comm, "error"))["code"] == "invalid"
    await comm.disconnect()


async def test_garbage_and_unknown_types_get_errors(session, learner):
    comm = await join(learner, session.pk)
    await comm.send_to(text_data="{no es json")
    assert (await until(comm, "error"))["code"] == "invalid"
    await comm.send_json_to({"type": "volar"})
    assert (await until(comm, "error"))["code"] == "unknown_type"
    await comm.disconnect()


# --- Presence and heartbeat ---------------------------------------------------------------


async def test_presence_lists_who_is_online_and_updates_on_leave(session, learner, mentor):
    a = await join(learner, session.pk)
    b = await join(mentor, session.pk)
    presence = await until(a, "presence")
    while {p["id"] for p in presence["people"]} != {learner.pk, mentor.pk}:
        presence = await until(a, "presence")
    await b.disconnect()
    presence = await until(a, "presence")
    assert [p["id"] for p in presence["people"]] == [learner.pk]
    rows = await database_sync_to_async(list)(Attendance.objects.filter(user=mentor))
    assert rows[0].left_at is not None
    await a.disconnect()


async def test_heartbeats_write_the_presence_at_most_every_30_seconds(session, learner, frozen_clock):
    comm = await join(learner, session.pk)
    await until(comm, "state")
    before = await database_sync_to_async(Attendance.objects.get)(user=learner)
    with mock.patch.object(services, "presence_heartbeat_async") as write:
        for _n in range(4):
            await comm.send_json_to({"type": "heartbeat"})
            await until(comm, "heartbeat")
    write.assert_not_called()
    frozen_clock.now += consumers.PRESENCE_WRITE_EVERY
    await comm.send_json_to({"type": "heartbeat"})
    await until(comm, "heartbeat")
    after = await database_sync_to_async(Attendance.objects.get)(user=learner)
    assert after.last_heartbeat > before.last_heartbeat
    await comm.disconnect()


async def test_a_flood_of_heartbeats_gets_a_spanish_error(session, learner, frozen_clock):
    comm = await join(learner, session.pk)
    await until(comm, "state")
    for _n in range(5):
        await comm.send_json_to({"type": "heartbeat"})
        await until(comm, "heartbeat")
    await comm.send_json_to({"type": "heartbeat"})
    error = await until(comm, "error")
    assert error["code"] == "rate_limited" and error["event"] == "heartbeat" and "Espera" in error["message"]
    await comm.disconnect()


async def test_hand_frames_are_limited_per_person_across_their_sockets(session, learner, mentor, frozen_clock):
    """600 raise/lower frames were 553 broadcasts: now 5 of each kind in 10 s, wherever they come from."""
    a, b, m = await join(learner, session.pk), await join(learner, session.pk), await join(mentor, session.pk)
    for comm in (a, a, a, b, b):
        await comm.send_json_to({"type": "hand.raise"})
        await comm.send_json_to({"type": "hand.lower"})
    await a.send_json_to({"type": "hand.raise"})
    error = await until(a, "error")
    assert error["code"] == "rate_limited" and error["event"] == "hand.raise"
    await b.send_json_to({"type": "hand.lower"})
    assert (await until(b, "error"))["event"] == "hand.lower"
    await m.send_json_to({"type": "hand.raise"})  # the mentor's own count
    while mentor.pk not in [h["user_id"] for h in (await until(m, "hands"))["queue"]]:
        pass
    frozen_clock.now += 10
    await a.send_json_to({"type": "hand.raise"})
    while learner.pk not in [h["user_id"] for h in (await until(m, "hands"))["queue"]]:
        pass
    for comm in (a, b, m):
        await comm.disconnect()


async def test_a_fourth_socket_of_one_person_is_refused(session, learner):
    """The new one is refused (4429), not the oldest: the open ones may be in the middle of something."""
    opened = [await join(learner, session.pk) for _n in range(services.MAX_SOCKETS_PER_PERSON)]
    extra = communicator(learner, session.pk)
    await extra.connect()
    error = await until(extra, "error")
    assert error["code"] == "too_many_sockets" and "pestañas" in error["message"]
    assert await close_code(extra) == 4429
    await extra.disconnect()
    await opened.pop().disconnect()
    again = await join(learner, session.pk)
    assert (await until(again, "history"))["type"] == "history"
    for comm in (*opened, again):
        await comm.disconnect()


# --- Hands, polls, notes ------------------------------------------------------------------


async def test_hands_queue_in_order_and_the_mentor_lowers_one(session, learner, other_learner, mentor):
    a, b, m = await join(learner, session.pk), await join(other_learner, session.pk), await join(mentor, session.pk)
    await a.send_json_to({"type": "hand.raise"})
    await until(m, "hands")
    await b.send_json_to({"type": "hand.raise"})
    hands = await until(m, "hands")
    assert [h["user_id"] for h in hands["queue"]] == [learner.pk, other_learner.pk]
    await b.send_json_to({"type": "hand.lower", "user_id": learner.pk})
    assert (await until(b, "error"))["code"] == "forbidden"
    await m.send_json_to({"type": "hand.lower", "user_id": learner.pk})
    hands = await until(m, "hands")
    assert [h["user_id"] for h in hands["queue"]] == [other_learner.pk]
    assert await database_sync_to_async(HandRaise.objects.count)() == 2
    for c in (a, b, m):
        await c.disconnect()


async def test_a_poll_is_asked_voted_once_and_counted_live(session, learner, mentor):
    a, m = await join(learner, session.pk), await join(mentor, session.pk)
    await a.send_json_to({"type": "poll.create", "question": "¿?", "options": ["a", "b"]})
    assert (await until(a, "error"))["code"] == "forbidden"
    await m.send_json_to({"type": "poll.create", "question": "¿Vendes por WhatsApp?", "options": ["Sí", "No"]})
    poll = (await until(a, "poll"))["poll"]
    assert poll["total"] == 0
    yes = poll["options"][0]["id"]
    await a.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_id": yes})
    assert (await until(a, "poll.voted"))["option_id"] == yes
    counted = (await until(m, "poll"))["poll"]
    while counted["total"] == 0:
        counted = (await until(m, "poll"))["poll"]
    assert counted["options"][0]["votes"] == 1
    await a.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_id": yes})
    assert (await until(a, "error"))["code"] == "already_voted"
    await m.send_json_to({"type": "poll.close", "poll_id": poll["id"]})
    while not (await until(a, "poll"))["poll"]["closed"]:
        pass
    assert await database_sync_to_async(PollVote.objects.count)() == 1
    await a.disconnect()
    await m.disconnect()


async def test_a_stale_notes_save_gets_a_conflict_with_the_current_text(session, learner, mentor):
    a, m = await join(learner, session.pk), await join(mentor, session.pk)
    await m.send_json_to({"type": "notes.save", "text": "Costos fijos", "base_version": 0})
    assert (await until(m, "notes.saved"))["version"] == 1
    notes = await until(a, "notes")
    assert notes["text"] == "Costos fijos" and notes["version"] == 1
    await a.send_json_to({"type": "notes.save", "text": "Mi idea", "base_version": 0})
    conflict = await until(a, "notes.conflict")
    assert conflict["text"] == "Costos fijos" and conflict["version"] == 1 and conflict["your_text"] == "Mi idea"
    await a.disconnect()
    await m.disconnect()


async def test_notes_saves_reach_the_room_coalesced_and_the_last_version_always_arrives(
    session, learner, mentor, frozen_clock
):
    """15 saves in 3 s pushed 15 copies of the pad to everyone: now at most one a second, the latest last."""
    a, m = await join(learner, session.pk), await join(mentor, session.pk)
    await until(a, "state")
    with mock.patch.object(services, "NOTES_BROADCAST_EVERY", 2.0):
        for version in range(15):
            frozen_clock.now += 1  # within the rate limit (5 saves in 5 s); the broadcasts follow real time
            await m.send_json_to(
                {"type": "notes.save", "text": f"versión {version + 1} " * 500, "base_version": version}
            )
            assert (await until(m, "notes.saved"))["version"] == version + 1
        seen = [(await until(a, "notes", timeout=10))["version"]]
        while seen[-1] != 15:
            seen.append((await until(a, "notes", timeout=10))["version"])
    assert seen == sorted(seen) and len(seen) < 15, seen
    await a.disconnect()
    await m.disconnect()


# --- Moderation ---------------------------------------------------------------------------


async def test_the_mentor_deletes_a_message_for_everyone(session, learner, mentor):
    a, m = await join(learner, session.pk), await join(mentor, session.pk)
    await a.send_json_to({"type": "message.send", "text": "spam"})
    message_id = (await until(m, "message"))["message"]["id"]
    await a.send_json_to({"type": "message.delete", "id": message_id})
    assert (await until(a, "error"))["code"] == "forbidden"
    await m.send_json_to({"type": "message.delete", "id": message_id})
    assert (await until(a, "message.deleted"))["id"] == message_id
    assert (await database_sync_to_async(RoomMessage.objects.get)(pk=message_id)).deleted
    await a.disconnect()
    await m.disconnect()


async def test_a_muted_person_cannot_write_and_unmute_restores_it(session, learner, mentor):
    a, m = await join(learner, session.pk), await join(mentor, session.pk)
    await m.send_json_to({"type": "member.mute", "user_id": learner.pk})
    assert (await until(a, "member.muted"))["muted"] is True
    for kind in ("message.send", "hand.raise", "notes.save"):
        await a.send_json_to({"type": kind, "text": "x", "base_version": 0})
        assert (await until(a, "error"))["code"] == "muted"
    await m.send_json_to({"type": "member.unmute", "user_id": learner.pk})
    assert (await until(a, "member.muted"))["muted"] is False
    await a.send_json_to({"type": "message.send", "text": "gracias"})
    assert (await until(a, "message"))["message"]["text"] == "gracias"
    await a.disconnect()
    await m.disconnect()


async def test_a_mute_made_elsewhere_is_seen_on_the_next_event(session, learner, mentor):
    """Another process may mute: the consumer re-reads mute and removal on every event."""
    a = await join(learner, session.pk)
    await database_sync_to_async(RoomMute.objects.create)(session=session, user=learner, by=mentor)
    await a.send_json_to({"type": "message.send", "text": "hola"})
    assert (await until(a, "error"))["code"] == "muted"
    await a.disconnect()


async def test_a_message_from_someone_removed_or_from_a_closed_room_is_not_saved(
    session, learner, mentor, other_learner
):
    """message.send checks access and writes in one trip: a removal or a close made elsewhere still wins."""
    a, b = await join(learner, session.pk), await join(other_learner, session.pk)
    await database_sync_to_async(RoomRemoval.objects.create)(session=session, user=learner, by=mentor)
    await a.send_json_to({"type": "message.send", "text": "sigo aquí"})
    await until(a, "removed")
    assert await close_code(a) == 4403
    await database_sync_to_async(MentoringSession.objects.filter(pk=session.pk).update)(closed_at=timezone.now())
    await b.send_json_to({"type": "message.send", "text": "¿cerró?"})
    await until(b, "room.closed")
    assert await close_code(b) == 4410
    assert not await database_sync_to_async(RoomMessage.objects.filter(session=session).exists)()
    await a.disconnect()
    await b.disconnect()


async def test_frames_take_no_extra_trip_to_the_database_thread(session, learner):
    a = await join(learner, session.pk)
    with mock.patch("channels.consumer.aclose_old_connections") as hop:
        await a.send_json_to({"type": "message.send", "text": "hola"})
        assert (await until(a, "message"))["message"]["text"] == "hola"
    hop.assert_not_called()
    await a.disconnect()


async def test_a_removed_person_is_disconnected_with_4403(session, learner, mentor):
    a, m = await join(learner, session.pk), await join(mentor, session.pk)
    await m.send_json_to({"type": "member.remove", "user_id": mentor.pk})
    assert (await until(m, "error"))["code"] == "forbidden"  # mentors cannot be removed
    await m.send_json_to({"type": "member.remove", "user_id": learner.pk})
    assert (await until(m, "member.removed"))["user_id"] == learner.pk
    await until(a, "removed")
    assert await close_code(a) == 4403
    await a.disconnect()
    await m.disconnect()


async def test_the_mentor_closes_the_room_for_everyone(session, learner, mentor):
    a, m = await join(learner, session.pk), await join(mentor, session.pk)
    await a.send_json_to({"type": "room.close"})
    assert (await until(a, "error"))["code"] == "forbidden"
    await m.send_json_to({"type": "room.close"})
    await until(a, "room.closed")
    assert await close_code(a) == 4410
    assert await close_code(m) == 4410
    closed = await database_sync_to_async(MentoringSession.objects.get)(pk=session.pk)
    assert closed.closed_at is not None
    await a.disconnect()
    await m.disconnect()


async def test_a_flood_of_notes_saves_gets_a_spanish_error(session, mentor, frozen_clock):
    m = await join(mentor, session.pk)
    for version in range(5):
        await m.send_json_to({"type": "notes.save", "text": f"v{version}", "base_version": version})
        await until(m, "notes.saved")
    await m.send_json_to({"type": "notes.save", "text": "otra", "base_version": 5})
    error = await until(m, "error")
    assert error["code"] == "rate_limited" and error["event"] == "notes.save" and "Espera" in error["message"]
    await m.disconnect()
