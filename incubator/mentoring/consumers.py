"""The live mentoring room over WebSocket. Protocol: docs/websocket-protocol.md."""

import json
import logging
import time
from collections import deque

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils.translation import gettext as _

from cms.realtime.fanout import hub_for
from incubator.mentoring import selectors, services
from incubator.mentoring.selectors import RoomAccess, RoomStatus

logger = logging.getLogger("semilla")

CLOSE_NOT_LOGGED_IN = 4401
CLOSE_NOT_ALLOWED = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_NOT_OPEN_YET = 4425
CLOSE_ROOM_CLOSED = 4410
CLOSE_TOO_MANY_SOCKETS = 4429
MAX_FRAME_CHARS = 32_000
# Room events from services.room_broadcast, handed over by this process's hub (cms.realtime.fanout), frame ready.
ROOM_EVENTS = {"room.broadcast": "room_broadcast", "room.removed": "room_removed", "room.closed": "room_closed"}

# Event types a client may send: handler name, whether it writes (muted people cannot), moderators only.
CLIENT_EVENTS: dict[str, tuple[str, bool, bool]] = {
    "hello": ("on_hello", False, False),
    "heartbeat": ("on_heartbeat", False, False),
    "replay": ("on_replay", False, False),
    "history.before": ("on_history_before", False, False),
    "message.send": ("on_message_send", True, False),
    "hand.raise": ("on_hand_raise", True, False),
    "hand.lower": ("on_hand_lower", False, False),
    "poll.vote": ("on_poll_vote", True, False),
    "notes.save": ("on_notes_save", True, False),
    "poll.create": ("on_poll_create", True, True),
    "poll.close": ("on_poll_close", True, True),
    "message.delete": ("on_message_delete", True, True),
    "member.mute": ("on_member_mute", True, True),
    "member.unmute": ("on_member_unmute", True, True),
    "member.remove": ("on_member_remove", True, True),
    "room.close": ("on_room_close", True, True),
}


# Frames one person may send of each kind in one room, per process: (count, seconds). message.send is also
# limited in the database (services.RATE_LIMIT_COUNT), across processes; here it only stops floods early.
# A person has at most services.MAX_SOCKETS_PER_PERSON sockets, so other processes add little to these.
EVENT_LIMITS: dict[str, tuple[int, float]] = {
    "hello": (5, 10),
    "replay": (5, 10),
    "heartbeat": (5, 10),
    "history.before": (10, 10),
    "message.send": (10, 5),
    "hand.raise": (5, 10),
    "hand.lower": (5, 10),
    "poll.vote": (5, 10),
    "notes.save": (5, 5),
    "poll.create": (5, 30),
    "poll.close": (10, 10),
    "message.delete": (20, 10),
    "member.mute": (20, 10),
    "member.unmute": (20, 10),
    "member.remove": (20, 10),
    "room.close": (5, 10),
}
# A heartbeat writes the presence at most this often (s). Clients beat every 25 s and a presence is stale after
# 70 s (selectors.PRESENCE_STALE_AFTER): every second beat writes, the row is never older than about 50 s.
PRESENCE_WRITE_EVERY = 30.0
clock = time.monotonic  # tests replace it to move time without waiting

# The times of each person's latest frames of each kind in this process, by (session id, user id, type).
_recent: dict[tuple[int, int, str], deque] = {}
_sockets: dict[tuple[int, int], int] = {}  # this process's sockets per (session id, user id)


def _over_limit(session_id: int, user_id: int, kind: str) -> bool:
    """Count one frame of `kind`; True if it is one too many (then it is not counted)."""
    count, seconds = EVENT_LIMITS[kind]
    times = _recent.get((session_id, user_id, kind))
    if times is None:
        times = _recent[(session_id, user_id, kind)] = deque(maxlen=count)
    now = clock()
    if len(times) == count and now - times[0] < seconds:
        return True
    times.append(now)
    return False


def _socket_opened(session_id: int, user_id: int) -> None:
    _sockets[(session_id, user_id)] = _sockets.get((session_id, user_id), 0) + 1


def _socket_closed(session_id: int, user_id: int) -> None:
    """Forget the person's counts with their last socket in this process (they stay while any is open)."""
    left = _sockets.pop((session_id, user_id), 1) - 1
    if left > 0:
        _sockets[(session_id, user_id)] = left
        return
    for kind in EVENT_LIMITS:
        _recent.pop((session_id, user_id, kind), None)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class RoomConsumer(AsyncJsonWebsocketConsumer):
    """One connection to one session's room: authorize, join "mentoring.session.<id>", dispatch events."""

    session_id: int
    attendance_id: int | None = None
    coordinator: bool = False
    counted: bool = False  # in _sockets
    presence_written_at: float = 0.0

    async def connect(self) -> None:
        self.user = self.scope.get("user")
        self.session_id = int(self.scope["url_route"]["kwargs"]["session_id"])
        self.group = services.group_name(self.session_id)
        # Accept first, then close with a code: a close before accept reaches browsers as a bare 403.
        await self.accept()
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=CLOSE_NOT_LOGGED_IN)
            return
        access, _session = await selectors.room_access_async(session_id=self.session_id, user=self.user)
        code = self._refusal(access)
        if code:
            await self.close(code=code)
            return
        self.coordinator = access.coordinator
        self.access = access
        try:
            self.attendance_id = await services.presence_join_async(
                session_id=self.session_id,
                user=self.user,
                channel_name=self.channel_name,
                limit=services.MAX_SOCKETS_PER_PERSON,
            )
        except services.TooManySockets as exc:
            await self._error(exc.code, exc.message)
            await self.close(code=CLOSE_TOO_MANY_SOCKETS)
            return
        self.presence_written_at = clock()
        _socket_opened(self.session_id, self.user.pk)
        self.counted = True
        # Joined after the presence: a broadcast missed in between comes with the hello's replay and state.
        await hub_for(self.channel_layer).join(self.group, self)
        await self.send_json(
            {
                "type": "welcome",
                "user_id": self.user.pk,
                "name": self.user.display_name,
                "moderator": access.moderator,
                "muted": access.muted and not access.moderator,
            }
        )

    @staticmethod
    def _refusal(access: RoomAccess) -> int | None:
        if not access.exists:
            return CLOSE_NOT_FOUND
        if not access.allowed:
            return CLOSE_NOT_ALLOWED
        if access.status == RoomStatus.CLOSED:
            return CLOSE_ROOM_CLOSED
        if access.status == RoomStatus.NOT_YET:
            return CLOSE_NOT_OPEN_YET
        return None

    async def dispatch(self, message) -> None:
        """Channels' dispatch without its trip to the database thread before every frame to close stale
        connections: every database call here goes through database_sync_to_async, which closes them
        before and after itself. That trip cost a thread hop per frame received, and while the database
        thread holds the GIL, the event loop waits to write other rooms' frames."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def disconnect(self, code) -> None:
        if self.attendance_id is not None:
            await services.presence_leave_async(attendance_id=self.attendance_id, session_id=self.session_id)
            self.attendance_id = None
        if self.counted:
            _socket_closed(self.session_id, self.user.pk)
            self.counted = False
        await hub_for(self.channel_layer).leave(self.group, self)

    # --- Incoming -------------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None, **kwargs) -> None:
        if text_data is None or len(text_data) > MAX_FRAME_CHARS:
            await self._error("invalid", _("Mensaje no válido."))
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self._error("invalid", _("Mensaje no válido."))
            return
        if not isinstance(content, dict):
            await self._error("invalid", _("Mensaje no válido."))
            return
        await self.receive_json(content)

    async def receive_json(self, content: dict, **kwargs) -> None:
        event = CLIENT_EVENTS.get(content.get("type"))
        if event is None:
            await self._error("unknown_type", _("No conozco ese tipo de mensaje."))
            return
        handler, writes, moderators_only = event
        if _over_limit(self.session_id, self.user.pk, content["type"]):
            await self._error(
                "rate_limited", _("Vas muy rápido. Espera unos segundos y vuelve a intentarlo."), event=content["type"]
            )
            return
        if handler == "on_heartbeat" and clock() - self.presence_written_at < PRESENCE_WRITE_EVERY:
            await self.send_json({"type": "heartbeat"})  # the presence was written lately: no database
            return
        try:
            if handler == "on_message_send":  # the busiest event: access check and write in one database trip
                text = content.get("text")
                access, _message = await services.message_post_if_allowed_async(
                    session_id=self.session_id,
                    author=self.user,
                    coordinator=self.coordinator,
                    text=text if isinstance(text, str) else "",
                )
                await self._refused(access, writes=True, moderators_only=False)
                return
            # Mute, removal and closing are re-checked on every event: another process may have changed them.
            access, _session = await selectors.room_access_async(
                session_id=self.session_id, user=self.user, coordinator=self.coordinator
            )
            if not await self._refused(access, writes=writes, moderators_only=moderators_only):
                await getattr(self, handler)(content)
        except services.RoomError as exc:
            await self._error(exc.code, exc.message, **exc.extra)

    async def _refused(self, access: RoomAccess, *, writes: bool, moderators_only: bool) -> bool:
        """Tell the person why they may not do this (closing the socket if they are out); False if they may."""
        if not access.allowed:
            await self.send_json({"type": "removed"})
            await self.close(code=CLOSE_NOT_ALLOWED)
            return True
        if access.status == RoomStatus.CLOSED:
            await self.send_json({"type": "room.closed"})
            await self.close(code=CLOSE_ROOM_CLOSED)
            return True
        self.access = access
        if moderators_only and not access.moderator:
            await self._error("forbidden", _("Solo la mentora o el mentor puede hacer eso."))
            return True
        if writes and not access.can_write:
            await self._error("muted", _("La mentora o el mentor te silenció en esta sesión."))
            return True
        return False

    async def _error(self, code: str, message: str, **extra) -> None:
        await self.send_json({"type": "error", "code": code, "message": message, **extra})

    async def on_hello(self, content: dict) -> None:
        await self.on_replay(content)
        state = await selectors.room_state_async(
            session_id=self.session_id, user_id=self.user.pk, muted=self.access.muted and not self.access.moderator
        )
        await self.send_json({"type": "state", **state})

    async def on_replay(self, content: dict) -> None:
        last_seq = _int(content.get("last_seq"))
        history = await selectors.room_history_async(
            session_id=self.session_id,
            last_seq=last_seq if last_seq is not None and last_seq >= 0 else None,
            last_seen_id=_int(content.get("last_seen_id")),
        )
        await self.send_json(history)

    async def on_heartbeat(self, content: dict) -> None:
        self.presence_written_at = clock()
        self.attendance_id = await services.presence_heartbeat_async(
            attendance_id=self.attendance_id or 0,
            session_id=self.session_id,
            user=self.user,
            channel_name=self.channel_name,
        )
        await self.send_json({"type": "heartbeat"})

    async def on_history_before(self, content: dict) -> None:
        before = _int(content.get("before_id"))
        if not before:
            raise services.Invalid(_("Falta el número del mensaje."))
        messages, has_more = await selectors.messages_latest_async(session_id=self.session_id, before_id=before)
        await self.send_json(
            {"type": "history.page", "has_more": has_more, "messages": [selectors.message_payload(m) for m in messages]}
        )

    async def on_hand_raise(self, content: dict) -> None:
        await services.hand_raise_async(session_id=self.session_id, user=self.user)

    async def on_hand_lower(self, content: dict) -> None:
        target = _int(content.get("user_id")) or self.user.pk
        if target != self.user.pk and not self.access.moderator:
            raise services.Forbidden(_("Solo la mentora o el mentor puede bajar la mano de otra persona."))
        await services.hand_lower_async(session_id=self.session_id, user_id=target, by=self.user)

    async def on_poll_create(self, content: dict) -> None:
        options = content.get("options")
        await services.poll_create_async(
            session_id=self.session_id,
            by=self.user,
            question=str(content.get("question") or ""),
            options=options if isinstance(options, list) else [],
        )

    async def on_poll_vote(self, content: dict) -> None:
        poll_id, option_id = _int(content.get("poll_id")), _int(content.get("option_id"))
        await services.poll_vote_async(
            session_id=self.session_id, poll_id=poll_id or 0, option_id=option_id or 0, user=self.user
        )
        await self.send_json({"type": "poll.voted", "poll_id": poll_id, "option_id": option_id})

    async def on_poll_close(self, content: dict) -> None:
        await services.poll_close_async(session_id=self.session_id, poll_id=_int(content.get("poll_id")) or 0)

    async def on_notes_save(self, content: dict) -> None:
        text, base = content.get("text"), _int(content.get("base_version"))
        if not isinstance(text, str) or base is None:
            raise services.Invalid(_("Faltan las notas o su versión."))
        try:
            pad = await services.notes_save_async(
                session_id=self.session_id, by=self.user, text=text, base_version=base
            )
        except services.NotesConflict as exc:
            await self.send_json({"type": "notes.conflict", "message": exc.message, "your_text": text, **exc.extra})
            return
        await self.send_json({"type": "notes.saved", "version": pad.version})

    async def on_message_delete(self, content: dict) -> None:
        await services.message_delete_async(
            session_id=self.session_id, message_id=_int(content.get("id")) or 0, by=self.user
        )

    async def on_member_mute(self, content: dict) -> None:
        await services.member_mute_async(
            session_id=self.session_id, user_id=_int(content.get("user_id")) or 0, by=self.user
        )

    async def on_member_unmute(self, content: dict) -> None:
        await services.member_unmute_async(
            session_id=self.session_id, user_id=_int(content.get("user_id")) or 0, by=self.user
        )

    async def on_member_remove(self, content: dict) -> None:
        await services.member_remove_async(
            session_id=self.session_id, user_id=_int(content.get("user_id")) or 0, by=self.user
        )

    async def on_room_close(self, content: dict) -> None:
        session = await selectors.session_get_async(session_id=self.session_id)
        await services.session_close_async(session=session, by=self.user)

    # --- Room events (sent by services after commit, serialised once for the whole room) ---------------

    async def room_event(self, message: dict) -> None:
        """Called by the hub for each broadcast to this room; no database, no thread: just the socket."""
        handler = ROOM_EVENTS.get(message.get("type"))
        if handler:
            await getattr(self, handler)(message)

    async def room_broadcast(self, event: dict) -> None:
        await self.send(text_data=event["text"])

    async def room_removed(self, event: dict) -> None:
        await self.send(text_data=event["text"])
        if event.get("user_id") == self.user.pk:
            await self.send_json({"type": "removed"})
            self.attendance_id = None  # the service already closed the presence
            await self.close(code=CLOSE_NOT_ALLOWED)

    async def room_closed(self, event: dict) -> None:
        await self.send(text_data=event["text"])
        self.attendance_id = None
        await self.close(code=CLOSE_ROOM_CLOSED)
