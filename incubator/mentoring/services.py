"""Writes of the mentoring rooms. Each persists first, then broadcasts to the room after commit.

The consumer calls the *_async wrappers (cms.realtime.broadcast.broadcasting_from_loop); the no-JS views call
the plain ones.
"""

import functools
import json
import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.accounts.models import User
from cms.realtime.broadcast import Broadcast, broadcast_on_commit, broadcasting_from_loop
from incubator.mentoring import selectors
from incubator.mentoring.models import (
    MESSAGE_MAX_LENGTH,
    NOTES_MAX_LENGTH,
    Attendance,
    HandRaise,
    MentoringSession,
    NotesPad,
    Poll,
    PollOption,
    PollVote,
    RoomMessage,
    RoomMute,
    RoomRemoval,
)

logger = logging.getLogger("semilla")

RATE_LIMIT_COUNT = 5
# A room's notes go out to the room at most once a second from each process (the latest version always does):
# 15 saves in 3 s of a 20,000-letter pad were 300 KB to each person, on paid mobile data.
NOTES_BROADCAST_EVERY = 1.0
# Sockets one person may have open in one room (tabs, phones); a further one is refused.
MAX_SOCKETS_PER_PERSON = 3
RATE_LIMIT_WINDOW = timedelta(seconds=5)
POLL_MIN_OPTIONS, POLL_MAX_OPTIONS = 2, 6


class RoomError(Exception):
    """A refused room action. `code` is stable for clients; `message` is Spanish for people."""

    code = "invalid"

    def __init__(self, message: str = "", **extra):
        super().__init__(message)
        self.message = message
        self.extra = extra


class RateLimited(RoomError):
    code = "rate_limited"


class Invalid(RoomError):
    code = "invalid"


class NotFound(RoomError):
    code = "not_found"


class Forbidden(RoomError):
    code = "forbidden"


class AlreadyVoted(RoomError):
    code = "already_voted"


class NotesConflict(RoomError):
    code = "notes_conflict"


class TooManySockets(RoomError):
    code = "too_many_sockets"


def group_name(session_id: int) -> str:
    return f"mentoring.session.{session_id}"


def _stamped(group: str, event: dict) -> dict:
    """The group message for `event`: its payload serialised once, with `sent_at` (server wall clock, s since
    epoch) taken at the group_send. Each member's consumer sends the text as is, so a room of M people costs
    one json.dumps, not M. `group` lets each process's hub (cms.realtime.fanout) find the room; a removal also names
    the person, whose own consumer then closes its socket."""
    message = {"type": event["type"], "group": group, "text": json.dumps({**event["payload"], "sent_at": time.time()})}
    if event["type"] == "room.removed":
        message["user_id"] = event["payload"]["user_id"]
    return message


def room_broadcast(
    *,
    session_id: int,
    payload: dict | Callable[[], dict],
    event_type: str = "room.broadcast",
    latest_every: float | None = None,
) -> None:
    """Send `payload` to everyone in the room once the current transaction commits (now if none); from an
    *_async service, from the event loop once it returns (cms.realtime.broadcast).

    A callable payload is built after the commit, so lists (presence, hands) include the change. With
    `latest_every`, broadcasts of this payload type from the event loop go out at most once per that many
    seconds, the latest winning (cms.realtime.fanout.RoomHub.broadcast_latest)."""
    group = group_name(session_id)

    def prepare() -> Broadcast:
        event: dict[str, Any] = {"type": event_type, "payload": payload() if callable(payload) else payload}
        return Broadcast(
            group=group,
            make=functools.partial(_stamped, group, event),
            latest_key=f"{group}:{event['payload']['type']}" if latest_every else None,
            latest_every=latest_every,
        )

    broadcast_on_commit(prepare, what=f"session {session_id}")


# --- Sessions -------------------------------------------------------------------------------


@transaction.atomic
def session_schedule(
    *,
    by,
    topic: str,
    starts_at: datetime,
    ends_at: datetime,
    mentors: Iterable,
    participants: Iterable = (),
    cohort=None,
    ventures: Iterable = (),
    video_url: str = "",
    location: str = "",
    description: str = "",
) -> MentoringSession:
    """Create a session. A mentor who schedules is always one of its mentors. Validates the model, and that
    the cohort and ventures are ones `by` may invite (selectors.schedulable_cohorts/_ventures)."""
    venture_list = list(ventures)
    errors = {}
    if cohort is not None and not selectors.schedulable_cohorts(user=by).filter(pk=cohort.pk).exists():
        errors["cohort"] = _("No puedes invitar a esta cohorte.")
    if venture_list:
        allowed = set(
            selectors.schedulable_ventures(user=by)
            .filter(pk__in=[v.pk for v in venture_list])
            .values_list("pk", flat=True)
        )
        if any(v.pk not in allowed for v in venture_list):
            errors["ventures"] = _("Solo puedes invitar a emprendimientos que mentoreas o de tus cohortes.")
    if errors:
        raise ValidationError(errors)
    session = MentoringSession(
        topic=topic,
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        video_url=video_url,
        location=location,
        created_by=by,
        cohort=cohort,
    )
    session.full_clean()
    session.save()
    mentor_list = list(mentors)
    if not selectors.is_coordinator(by) and by not in mentor_list:
        mentor_list.append(by)
    session.mentors.set(mentor_list)
    session.participants.set(list(participants))
    session.ventures.set(venture_list)
    return session


def session_close(*, session: MentoringSession, by) -> MentoringSession:
    """Close the room for good: nobody can write; connected clients get "room.closed" and are closed."""
    with transaction.atomic():
        updated = MentoringSession.objects.filter(pk=session.pk, closed_at__isnull=True).update(
            closed_at=timezone.now(), closed_by=by
        )
        if updated:
            now = timezone.now()
            Attendance.objects.filter(session=session, source=Attendance.Source.ONLINE, left_at__isnull=True).update(
                left_at=now
            )
            room_broadcast(session_id=session.pk, payload={"type": "room.closed"}, event_type="room.closed")
    session.refresh_from_db()
    return session


# --- Chat -----------------------------------------------------------------------------------


def message_post(*, session_id: int, author, text: str) -> RoomMessage:
    """Save a chat line and broadcast it. Raises Invalid (empty/too long) or RateLimited (5 in 5 s).

    The caller has checked that the author may write (member, not muted, room open)."""
    text = (text or "").strip()
    if not text:
        raise Invalid(_("Escribe un mensaje."))
    if len(text) > MESSAGE_MAX_LENGTH:
        raise Invalid(_("El mensaje es muy largo. Máximo %(max)s letras.") % {"max": MESSAGE_MAX_LENGTH})
    with transaction.atomic():
        # Counted in the database, so the limit holds across tabs, processes and the no-JS form.
        recent = selectors.messages_recent_count(
            session_id=session_id, author_id=author.pk, since=timezone.now() - RATE_LIMIT_WINDOW, limit=RATE_LIMIT_COUNT
        )
        if recent >= RATE_LIMIT_COUNT:
            raise RateLimited(_("Vas muy rápido. Espera unos segundos y vuelve a escribir."))
        message = RoomMessage.objects.create(
            session_id=session_id, author=author, text=text, seq=_next_message_seq(session_id)
        )
        message.author = author
        room_broadcast(
            session_id=session_id, payload={"type": "message", "message": selectors.message_payload(message)}
        )
    return message


def _next_message_seq(session_id: int) -> int:
    """The room's next message seq, taken inside the caller's transaction. The UPDATE locks the session's row
    until that transaction ends (PostgreSQL: a row lock; SQLite: the write lock every IMMEDIATE transaction
    holds), so two posts to one room get consecutive numbers and commit in that order: a client holding seq
    N knows every message up to N-1 is saved, and a replay from its last contiguous seq misses nothing."""
    rooms = MentoringSession.objects.filter(pk=session_id)
    rooms.update(message_seq=F("message_seq") + 1)
    return rooms.values_list("message_seq", flat=True).get()


def message_post_if_allowed(
    *, session_id: int, author, coordinator: bool, text: str
) -> tuple[selectors.RoomAccess, RoomMessage | None]:
    """The room's access check, then message_post if the author may write: the busiest room event in one trip
    to the database thread. Returns the access either way, and the message if it was posted."""
    access, _session = selectors.room_access(session_id=session_id, user=author, coordinator=coordinator)
    if not access.can_write:
        return access, None
    return access, message_post(session_id=session_id, author=author, text=text)


def message_delete(*, session_id: int, message_id: int, by) -> RoomMessage:
    """A moderator hides a message; its text is blanked for everyone (the row stays for the record)."""
    with transaction.atomic():
        message = RoomMessage.objects.filter(session_id=session_id, pk=message_id).first()
        if message is None:
            raise NotFound(_("Ese mensaje no existe."))
        if not message.deleted:
            message.deleted, message.deleted_at, message.deleted_by = True, timezone.now(), by
            message.save(update_fields=["deleted", "deleted_at", "deleted_by"])
            room_broadcast(session_id=session_id, payload={"type": "message.deleted", "id": message.pk})
    return message


# --- Hands ----------------------------------------------------------------------------------


def _broadcast_hands(session_id: int) -> None:
    room_broadcast(
        session_id=session_id, payload=lambda: {"type": "hands", "queue": selectors.hand_queue(session_id=session_id)}
    )


def hand_raise(*, session_id: int, user) -> None:
    """Put the person at the end of the queue (no-op if their hand is already up)."""
    try:
        with transaction.atomic():
            HandRaise.objects.create(session_id=session_id, user=user)
    except IntegrityError:  # the partial unique constraint: one active hand per person
        return
    with transaction.atomic():
        _broadcast_hands(session_id)


def hand_lower(*, session_id: int, user_id: int, by) -> None:
    """Lower a hand: one's own, or anyone's by a moderator (the caller checks that)."""
    with transaction.atomic():
        changed = HandRaise.objects.filter(session_id=session_id, user_id=user_id, lowered_at__isnull=True).update(
            lowered_at=timezone.now(), lowered_by=by
        )
        if changed:
            _broadcast_hands(session_id)


# --- Polls ----------------------------------------------------------------------------------


def _broadcast_poll(session_id: int, poll_id: int) -> None:
    room_broadcast(
        session_id=session_id, payload=lambda: {"type": "poll", "poll": selectors.poll_payload(poll_id=poll_id)}
    )


@transaction.atomic
def poll_create(*, session_id: int, by, question: str, options: list[str]) -> Poll:
    """A moderator asks a question with 2 to 6 answers. Raises Invalid otherwise."""
    question = (question or "").strip()
    clean = [str(o).strip()[:200] for o in (options or []) if str(o).strip()]
    if not question or len(question) > 300:
        raise Invalid(_("Escribe una pregunta de hasta 300 letras."))
    if not POLL_MIN_OPTIONS <= len(clean) <= POLL_MAX_OPTIONS:
        raise Invalid(_("Escribe entre 2 y 6 respuestas."))
    poll = Poll.objects.create(session_id=session_id, question=question, created_by=by)
    PollOption.objects.bulk_create(PollOption(poll=poll, text=t, position=i) for i, t in enumerate(clean))
    _broadcast_poll(session_id, poll.pk)
    return poll


def poll_vote(*, session_id: int, poll_id: int, option_id: int, user) -> PollVote:
    """One vote per person (the unique constraint wins any race). Raises NotFound, Invalid, AlreadyVoted."""
    with transaction.atomic():
        option = (
            PollOption.objects.select_related("poll")
            .filter(pk=option_id, poll_id=poll_id, poll__session_id=session_id)
            .first()
        )
        if option is None:
            raise NotFound(_("Esa encuesta no existe."))
        if option.poll.closed_at is not None:
            raise Invalid(_("La encuesta ya se cerró."))
    try:
        with transaction.atomic():
            vote = PollVote.objects.create(poll_id=poll_id, option=option, user=user)
    except IntegrityError as exc:
        raise AlreadyVoted(_("Ya votaste en esta encuesta.")) from exc
    with transaction.atomic():
        _broadcast_poll(session_id, poll_id)
    return vote


@transaction.atomic
def poll_close(*, session_id: int, poll_id: int) -> None:
    """Stop the voting; the counts stay."""
    if not Poll.objects.filter(pk=poll_id, session_id=session_id).exists():
        raise NotFound(_("Esa encuesta no existe."))
    Poll.objects.filter(pk=poll_id, closed_at__isnull=True).update(closed_at=timezone.now())
    _broadcast_poll(session_id, poll_id)


# --- Notes ----------------------------------------------------------------------------------


def notes_save(*, session_id: int, by, text: str, base_version: int) -> NotesPad:
    """Save the notes if nobody saved since `base_version`; otherwise raise NotesConflict with the current
    text and version, so the client shows both and nothing is lost."""
    text = text or ""
    if len(text) > NOTES_MAX_LENGTH:
        raise Invalid(_("Las notas son muy largas. Máximo %(max)s letras.") % {"max": NOTES_MAX_LENGTH})
    with transaction.atomic():
        pad, _created = NotesPad.objects.get_or_create(session_id=session_id)
        # Compare-and-swap on version: two saves from the same base cannot both win.
        won = NotesPad.objects.filter(pk=pad.pk, version=base_version).update(
            text=text, version=F("version") + 1, updated_by=by, updated_at=timezone.now()
        )
        pad.refresh_from_db()
        if not won:
            raise NotesConflict(
                _("Alguien guardó las notas antes que tú. Revisa los dos textos."),
                text=pad.text,
                version=pad.version,
            )
        room_broadcast(
            session_id=session_id,
            latest_every=NOTES_BROADCAST_EVERY,
            payload={
                "type": "notes",
                "text": pad.text,
                "version": pad.version,
                "by": by.display_name,
            },
        )
    return pad


# --- Moderation -----------------------------------------------------------------------------


def _target_check(session_id: int, user_id: int) -> None:
    """The target is a participant (named, through the cohort or a venture), never a mentor."""
    target, _session = selectors.room_access(session_id=session_id, user=User(pk=user_id), coordinator=False)
    if target.mentor:
        raise Forbidden(_("No puedes hacer eso con un mentor o una mentora."))
    if not target.participant:
        raise NotFound(_("Esa persona no está en esta sesión."))


def member_mute(*, session_id: int, user_id: int, by) -> None:
    """Silence a participant for this session (chat, hands, votes, notes)."""
    _target_check(session_id, user_id)
    with transaction.atomic():
        _mute, created = RoomMute.objects.get_or_create(session_id=session_id, user_id=user_id, defaults={"by": by})
        if created:
            room_broadcast(session_id=session_id, payload={"type": "member.muted", "user_id": user_id, "muted": True})


def member_unmute(*, session_id: int, user_id: int, by) -> None:
    """Let a muted participant write again."""
    with transaction.atomic():
        deleted, _rows = RoomMute.objects.filter(session_id=session_id, user_id=user_id).delete()
        if deleted:
            room_broadcast(session_id=session_id, payload={"type": "member.muted", "user_id": user_id, "muted": False})


def member_remove(*, session_id: int, user_id: int, by) -> None:
    """Remove a participant from the room for good; their open connections are closed (4403)."""
    _target_check(session_id, user_id)
    with transaction.atomic():
        _removal, created = RoomRemoval.objects.get_or_create(
            session_id=session_id, user_id=user_id, defaults={"by": by}
        )
        HandRaise.objects.filter(session_id=session_id, user_id=user_id, lowered_at__isnull=True).update(
            lowered_at=timezone.now(), lowered_by=by
        )
        Attendance.objects.filter(
            session_id=session_id, user_id=user_id, source=Attendance.Source.ONLINE, left_at__isnull=True
        ).update(left_at=timezone.now())
        if created:
            room_broadcast(
                session_id=session_id, payload={"type": "member.removed", "user_id": user_id}, event_type="room.removed"
            )
            _broadcast_hands(session_id)
            _broadcast_presence(session_id)


# --- Presence and attendance ----------------------------------------------------------------


def _broadcast_presence(session_id: int) -> None:
    room_broadcast(
        session_id=session_id,
        payload=lambda: {"type": "presence", "people": selectors.presence_list(session_id=session_id)},
    )


def presences_prune(*, session_id: int, now: datetime | None = None) -> int:
    """Close presences whose heartbeat stopped (disconnect does not always fire). Returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        pruned = Attendance.objects.filter(
            session_id=session_id,
            source=Attendance.Source.ONLINE,
            left_at__isnull=True,
            last_heartbeat__lt=now - selectors.PRESENCE_STALE_AFTER,
        ).update(left_at=F("last_heartbeat"))
        if pruned:
            _broadcast_presence(session_id)
    return pruned


def presence_join(*, session_id: int, user, channel_name: str, limit: int | None = None) -> int:
    """Open a presence row for one connection; returns its id. Broadcasts the new presence list.

    With `limit`, raises TooManySockets when the person already has that many live presences in the room
    (the new connection is the one refused: the others may be in the middle of something)."""
    now = timezone.now()
    with transaction.atomic():
        if limit is not None:
            # Locks the room's row (PostgreSQL; SQLite's IMMEDIATE transactions are serial anyway), so two
            # connections at once cannot both count limit - 1 and both get in.
            list(MentoringSession.objects.select_for_update().filter(pk=session_id).values_list("pk"))
            live = Attendance.objects.filter(
                session_id=session_id,
                user=user,
                source=Attendance.Source.ONLINE,
                left_at__isnull=True,
                last_heartbeat__gte=now - selectors.PRESENCE_STALE_AFTER,
            ).count()
            if live >= limit:
                raise TooManySockets(
                    _("Ya tienes la sala abierta en %(n)s pestañas o equipos. Cierra una y vuelve a intentarlo.")
                    % {"n": limit}
                )
        row = Attendance.objects.create(
            session_id=session_id, user=user, channel_name=channel_name, joined_at=now, last_heartbeat=now
        )
        _broadcast_presence(session_id)
    presences_prune(session_id=session_id, now=now)
    return row.pk


def presence_heartbeat(*, attendance_id: int, session_id: int, user, channel_name: str) -> int:
    """Keep a presence alive; if it was pruned meanwhile, open a new one (the gap is not counted).
    Returns the id of the live row, and prunes others' stale rows. The consumer calls it at most once per
    consumers.PRESENCE_WRITE_EVERY, whatever the client sends."""
    now = timezone.now()
    alive = Attendance.objects.filter(pk=attendance_id, left_at__isnull=True).update(last_heartbeat=now)
    if not alive:
        attendance_id = presence_join(session_id=session_id, user=user, channel_name=channel_name)
    presences_prune(session_id=session_id, now=now)
    return attendance_id


def presence_leave(*, attendance_id: int, session_id: int) -> None:
    """Close a presence row on disconnect and tell the room."""
    with transaction.atomic():
        left = Attendance.objects.filter(pk=attendance_id, left_at__isnull=True).update(left_at=timezone.now())
        if left:
            _broadcast_presence(session_id)


@transaction.atomic
def roll_call_save(*, session: MentoringSession, by, present: dict[int, bool]) -> None:
    """Store an in-person roll call (present/absent per member) in the attendance records."""
    member_ids = {m.pk for m in selectors.room_members(session=session)}
    for user_id, is_present in present.items():
        if user_id not in member_ids:
            continue
        Attendance.objects.update_or_create(
            session=session,
            user_id=user_id,
            source=Attendance.Source.IN_PERSON,
            defaults={
                "present": is_present,
                "joined_at": session.starts_at,
                "left_at": session.ends_at,
                "last_heartbeat": session.ends_at,
            },
        )
    logger.info("roll call of session %s saved by %s", session.pk, by.pk)


message_post_if_allowed_async = broadcasting_from_loop(message_post_if_allowed)
message_delete_async = broadcasting_from_loop(message_delete)
hand_raise_async = broadcasting_from_loop(hand_raise)
hand_lower_async = broadcasting_from_loop(hand_lower)
poll_create_async = broadcasting_from_loop(poll_create)
poll_vote_async = broadcasting_from_loop(poll_vote)
poll_close_async = broadcasting_from_loop(poll_close)
notes_save_async = broadcasting_from_loop(notes_save)
member_mute_async = broadcasting_from_loop(member_mute)
member_unmute_async = broadcasting_from_loop(member_unmute)
member_remove_async = broadcasting_from_loop(member_remove)
session_close_async = broadcasting_from_loop(session_close)
presence_join_async = broadcasting_from_loop(presence_join)
presence_heartbeat_async = broadcasting_from_loop(presence_heartbeat)
presence_leave_async = broadcasting_from_loop(presence_leave)
