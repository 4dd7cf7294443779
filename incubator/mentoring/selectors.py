"""Reads of the mentoring rooms. The consumer calls the *_async wrappers; views call the plain ones."""

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from channels.db import database_sync_to_async
from django.db import connections, router
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import timezone

from cms.accounts.models import User
from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort, Participation
from incubator.mentoring.models import (
    ROOM_GRACE_AFTER_END,
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
from incubator.ventures.models import Venture
from lms.courses.selectors import learner_ids_taught_by

HISTORY_PAGE = 50
REPLAY_LIMIT = 500
# Clients beat every 25 s; a presence silent for longer than this is gone (disconnect may never fire).
PRESENCE_STALE_AFTER = timedelta(seconds=70)


class RoomStatus:
    NOT_YET = "not_yet"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class RoomAccess:
    """What one person may do in one session's room, read in one query."""

    exists: bool
    mentor: bool = False
    participant: bool = False
    coordinator: bool = False
    removed: bool = False
    muted: bool = False
    status: str = RoomStatus.CLOSED

    @property
    def is_closed(self) -> bool:
        return self.status == RoomStatus.CLOSED

    @property
    def allowed(self) -> bool:
        return self.exists and (self.mentor or self.participant or self.coordinator) and not self.removed

    @property
    def moderator(self) -> bool:
        return self.exists and (self.mentor or self.coordinator)

    @property
    def can_write(self) -> bool:
        return self.allowed and self.status == RoomStatus.OPEN and (self.moderator or not self.muted)


def room_status(*, session: MentoringSession, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if session.closed_at is not None or now > session.ends_at + ROOM_GRACE_AFTER_END:
        return RoomStatus.CLOSED
    if now < session.opens_at:
        return RoomStatus.NOT_YET
    return RoomStatus.OPEN


def is_coordinator(user) -> bool:
    return has_role(user, Role.COORDINATOR, Role.ADMIN)


def _coordinates_session(user_id: int):
    """The person scheduled the session, or coordinates its cohort or the cohort of one of its ventures
    (an EXISTS each, so room_access stays one query)."""
    coordinated = Cohort.coordinators.through.objects.filter(user_id=user_id).values("cohort_id")
    return (
        Exists(MentoringSession.objects.filter(pk=OuterRef("pk"), created_by_id=user_id))
        | Exists(Cohort.coordinators.through.objects.filter(cohort_id=OuterRef("cohort_id"), user_id=user_id))
        | Exists(
            MentoringSession.ventures.through.objects.filter(
                mentoringsession_id=OuterRef("pk"), venture__cohort_id__in=coordinated
            )
        )
    )


def _coordinator_scope(user) -> Q | None:
    """Which sessions a person moderates as coordination: every one for administration; for coordinators
    those they scheduled or of the cohorts they coordinate; none otherwise (None means no limit)."""
    if has_role(user, Role.ADMIN):
        return None
    if has_role(user, Role.COORDINATOR):
        return Q(_coordinates_session(user.pk))
    return Q(pk__in=[])


def _is_participant(user_id: int):
    """Admitted as a participant: named one, an accepted participant of the session's cohort, or a member
    of one of its ventures. One expression (three EXISTS), so every check stays a single query."""
    return (
        Exists(
            MentoringSession.participants.through.objects.filter(mentoringsession_id=OuterRef("pk"), user_id=user_id)
        )
        | Exists(
            Participation.objects.filter(
                cohort_id=OuterRef("cohort_id"), user_id=user_id, status=Participation.Status.ACCEPTED
            )
        )
        | Exists(
            MentoringSession.ventures.through.objects.filter(
                mentoringsession_id=OuterRef("pk"),
                venture_id__in=Venture.members.through.objects.filter(user_id=user_id).values("venture_id"),
            )
        )
    )


def _is_mentor(user_id: int):
    return Exists(MentoringSession.mentors.through.objects.filter(mentoringsession_id=OuterRef("pk"), user_id=user_id))


def _access_queryset(session_id: int, user_id: int) -> QuerySet[MentoringSession]:
    """room_access's question in the ORM, from the same expressions as _sessions_of. Not run per event (see
    _access_sql): tests check that the two answer alike for every kind of person."""
    return MentoringSession.objects.filter(pk=session_id).annotate(
        is_mentor=_is_mentor(user_id),
        is_participant=ExpressionWrapper(_is_participant(user_id), output_field=BooleanField()),
        is_removed=Exists(RoomRemoval.objects.filter(session_id=OuterRef("pk"), user_id=user_id)),
        is_muted=Exists(RoomMute.objects.filter(session_id=OuterRef("pk"), user_id=user_id)),
        is_cohort_coordinator=ExpressionWrapper(_coordinates_session(user_id), output_field=BooleanField()),
    )


def _tables(alias: str) -> dict[str, str]:
    """The quoted table names the hand-written SQL below uses, from the models."""
    quote = connections[alias].ops.quote_name
    models: dict[str, Any] = {
        "session": MentoringSession,
        "mentors": MentoringSession.mentors.through,
        "participants": MentoringSession.participants.through,
        "ventures": MentoringSession.ventures.through,
        "participation": Participation,
        "venture_members": Venture.members.through,
        "venture": Venture,
        "coordinators": Cohort.coordinators.through,
        "removal": RoomRemoval,
        "mute": RoomMute,
        "message": RoomMessage,
    }
    return {name: quote(model._meta.db_table) for name, model in models.items()}


@functools.cache
def _access_sql(alias: str) -> str:
    """room_access's query, written by hand with named parameters (%(session)s, %(user)s, %(accepted)s).

    It runs on every room event. The same query built by the ORM (_access_queryset) costs ~2.5 ms of Python
    per call for its five EXISTS, the database ~0.1 ms; compiling the ORM's once and swapping values into its
    parameter list by position depended on the order the ORM lays parameters out. Same rule as
    _is_mentor, _is_participant and _coordinates_session: tests compare the answers for a matrix of people."""
    return """
        SELECT s.*,
            EXISTS (SELECT 1 FROM {mentors} m WHERE m.mentoringsession_id = s.id AND m.user_id = %(user)s)
                AS is_mentor,
            (EXISTS (SELECT 1 FROM {participants} p WHERE p.mentoringsession_id = s.id AND p.user_id = %(user)s)
             OR EXISTS (SELECT 1 FROM {participation} cp WHERE cp.cohort_id = s.cohort_id
                        AND cp.user_id = %(user)s AND cp.status = %(accepted)s)
             OR EXISTS (SELECT 1 FROM {ventures} sv WHERE sv.mentoringsession_id = s.id AND sv.venture_id IN
                        (SELECT vm.venture_id FROM {venture_members} vm WHERE vm.user_id = %(user)s)))
                AS is_participant,
            EXISTS (SELECT 1 FROM {removal} r WHERE r.session_id = s.id AND r.user_id = %(user)s) AS is_removed,
            EXISTS (SELECT 1 FROM {mute} u WHERE u.session_id = s.id AND u.user_id = %(user)s) AS is_muted,
            (s.created_by_id = %(user)s
             OR EXISTS (SELECT 1 FROM {coordinators} c WHERE c.cohort_id = s.cohort_id AND c.user_id = %(user)s)
             OR EXISTS (SELECT 1 FROM {ventures} cv INNER JOIN {venture} v ON v.id = cv.venture_id
                        WHERE cv.mentoringsession_id = s.id AND v.cohort_id IN
                        (SELECT cc.cohort_id FROM {coordinators} cc WHERE cc.user_id = %(user)s)))
                AS is_cohort_coordinator
        FROM {session} s
        WHERE s.id = %(session)s
    """.format(**_tables(alias))


@functools.cache
def _recent_sql(alias: str) -> str:
    """messages_recent_count's query, by hand with named parameters like room_access's (it runs on every
    message; see _recent_queryset for the same question in the ORM, which tests compare it with)."""
    return (
        "SELECT 1 FROM {message} m WHERE m.session_id = %(session)s AND m.author_id = %(author)s "
        "AND m.created_at >= %(since)s LIMIT %(limit)s".format(**_tables(alias))
    )


def _recent_queryset(*, session_id: int, author_id: int, since: datetime, limit: int) -> QuerySet[RoomMessage]:
    return RoomMessage.objects.filter(session_id=session_id, author_id=author_id, created_at__gte=since)[:limit]


def _prepared_since(value: datetime, alias: str):
    return RoomMessage._meta.get_field("created_at").get_db_prep_value(value, connections[alias], prepared=False)


def messages_recent_count(*, session_id: int, author_id: int, since: datetime, limit: int) -> int:
    """How many messages the author wrote in the room since `since`, counted up to `limit` (the rate
    limit's question, asked on every message: hence the SQL written once)."""
    alias = router.db_for_read(RoomMessage)
    params = {"session": session_id, "author": author_id, "since": _prepared_since(since, alias), "limit": limit}
    with connections[alias].cursor() as cursor:
        cursor.execute(_recent_sql(alias), params)
        return len(cursor.fetchall())


def room_access(
    *, session_id: int, user, coordinator: bool | None = None
) -> tuple[RoomAccess, MentoringSession | None]:
    """Membership, mute, removal and room status of `user` in one query (re-run on every room event).

    The single access rule: pages, the .ics file, the socket's connect and its re-checks all use it.
    Coordination moderates the rooms it scheduled or of the cohorts it coordinates (administration every
    room), the same rule as _coordinator_scope. `coordinator`, when given, is that answer already known
    for this room."""
    alias = router.db_for_read(MentoringSession)
    params = {"session": session_id, "user": user.pk, "accepted": Participation.Status.ACCEPTED.value}
    # A raw row: the session plus the access columns (is_mentor, is_participant, ...) the SQL adds.
    session: Any = next(iter(MentoringSession.objects.db_manager(alias).raw(_access_sql(alias), params)), None)
    if session is None:
        return RoomAccess(exists=False), None
    access = RoomAccess(
        exists=True,
        mentor=bool(session.is_mentor),
        participant=bool(session.is_participant),
        coordinator=_coordinates(user, bool(session.is_cohort_coordinator)) if coordinator is None else coordinator,
        removed=bool(session.is_removed),
        muted=bool(session.is_muted),
        status=room_status(session=session),
    )
    return access, session


def _coordinates(user, cohort_coordinator: bool) -> bool:
    return has_role(user, Role.ADMIN) or (cohort_coordinator and has_role(user, Role.COORDINATOR))


def _sessions_of(user, qs: QuerySet[MentoringSession]) -> QuerySet[MentoringSession]:
    """`qs` limited to the sessions the person mentors, takes part in or coordinates (room_access's rule)."""
    scope = _coordinator_scope(user)
    if scope is None:
        return qs
    return qs.filter(Q(_is_mentor(user.pk)) | Q(_is_participant(user.pk)) | scope)


def sessions_upcoming_for(*, user, now: datetime | None = None) -> QuerySet[MentoringSession]:
    """Sessions not yet over where the person mentors, takes part or coordinates the cohort."""
    now = now or timezone.now()
    qs = _sessions_of(
        user, MentoringSession.objects.filter(ends_at__gte=now - ROOM_GRACE_AFTER_END, closed_at__isnull=True)
    )
    if _coordinator_scope(user) is not None:
        qs = qs.exclude(removals__user=user)
    return qs.prefetch_related("mentors").order_by("starts_at", "id")


def sessions_past_for(*, user, limit: int = 20) -> list[MentoringSession]:
    now = timezone.now()
    qs = _sessions_of(
        user, MentoringSession.objects.filter(Q(closed_at__isnull=False) | Q(ends_at__lt=now - ROOM_GRACE_AFTER_END))
    )
    return list(qs.prefetch_related("mentors").order_by("-starts_at", "-id")[:limit])


# --- Payloads (plain dicts, the same shape for the socket and the templates' JS) -------------


def message_payload(message: RoomMessage) -> dict:
    return {
        "id": message.pk,
        "seq": message.seq,
        "author_id": message.author_id,
        "author": message.author.display_name,
        "text": "" if message.deleted else message.text,
        "deleted": message.deleted,
        "created_at": message.created_at.isoformat(),
    }


def _messages(session_id: int) -> QuerySet[RoomMessage]:
    return RoomMessage.objects.filter(session_id=session_id).select_related("author")


def messages_latest(*, session_id: int, before_id: int | None = None, limit: int = HISTORY_PAGE) -> tuple[list, bool]:
    """The `limit` newest messages (older than before_id if given), oldest first, and whether more exist."""
    qs = _messages(session_id)
    if before_id:
        qs = qs.filter(id__lt=before_id)
    page = list(qs.order_by("-id")[: limit + 1])
    has_more = len(page) > limit
    return list(reversed(page[:limit])), has_more


def messages_after(*, session_id: int, after_seq: int, limit: int = REPLAY_LIMIT) -> tuple[list, bool]:
    """Messages with seq > after_seq, oldest first, and whether the replay was cut at `limit`."""
    page = list(_messages(session_id).filter(seq__gt=after_seq).order_by("seq")[: limit + 1])
    return page[:limit], len(page) > limit


def deleted_message_ids(*, session_id: int, up_to_seq: int) -> list[int]:
    """Ids of deleted messages a reconnecting client may still show."""
    return list(
        RoomMessage.objects.filter(session_id=session_id, deleted=True, seq__lte=up_to_seq)
        .order_by("-seq")
        .values_list("id", flat=True)[:REPLAY_LIMIT]
    )


def room_history(*, session_id: int, last_seq: int | None, last_seen_id: int | None) -> dict:
    """The `history` frame for a `hello` or a `replay` (docs/websocket-protocol.md), in one trip.

    `after_seq` in it is the seq up to which the client now holds every message: with `last_seq`, what it
    said; with only `last_seen_id` (the first hello of a page, which knows ids), that message's seq; with
    neither, the seq before the latest page. Messages commit in seq order (services._next_message_seq), so
    each answer is gap-free from `after_seq` on."""
    if last_seq is None and last_seen_id:
        last_seq = (
            RoomMessage.objects.filter(session_id=session_id, id__lte=last_seen_id)
            .order_by("-seq")
            .values_list("seq", flat=True)
            .first()
        ) or 0
    if last_seq is not None:
        messages, cut = messages_after(session_id=session_id, after_seq=last_seq)
        frame = {
            "type": "history",
            "replay": True,
            "has_more": False,
            "cut": cut,
            "after_seq": last_seq,
            "deleted_ids": deleted_message_ids(session_id=session_id, up_to_seq=last_seq),
        }
    else:
        messages, has_more = messages_latest(session_id=session_id)
        frame = {
            "type": "history",
            "replay": False,
            "has_more": has_more,
            "cut": False,
            "deleted_ids": [],
            "after_seq": messages[0].seq - 1 if messages else 0,
        }
    frame["messages"] = [message_payload(m) for m in messages]
    return frame


def presence_list(*, session_id: int, now: datetime | None = None) -> list[dict]:
    """People online now: open online presences with a recent heartbeat, one entry per person."""
    now = now or timezone.now()
    rows = (
        Attendance.objects.filter(
            session_id=session_id,
            source=Attendance.Source.ONLINE,
            left_at__isnull=True,
            last_heartbeat__gte=now - PRESENCE_STALE_AFTER,
        )
        .select_related("user")
        .order_by("joined_at", "id")
    )
    people: dict[int, dict] = {}
    for row in rows:
        people.setdefault(row.user_id, {"id": row.user_id, "name": row.user.display_name})
    return list(people.values())


def hand_queue(*, session_id: int) -> list[dict]:
    hands = HandRaise.objects.filter(session_id=session_id, lowered_at__isnull=True).select_related("user")
    return [
        {"user_id": h.user_id, "name": h.user.display_name, "raised_at": h.raised_at.isoformat()}
        for h in hands.order_by("raised_at", "id")
    ]


def poll_payload(*, poll_id: int) -> dict:
    poll = Poll.objects.get(pk=poll_id)
    options = poll.options.annotate(n=Count("votes")).order_by("position", "id")
    return _poll_dict(poll, options)


def _poll_dict(poll: Poll, options) -> dict:
    items = [{"id": o.pk, "text": o.text, "votes": o.n} for o in options]
    return {
        "id": poll.pk,
        "question": poll.question,
        "closed": poll.closed_at is not None,
        "options": items,
        "total": sum(i["votes"] for i in items),
    }


def polls_for(*, session_id: int, user_id: int) -> list[dict]:
    """Every poll of the session with counts, and the person's own vote (never anyone else's)."""
    polls = Poll.objects.filter(session_id=session_id).order_by("id")
    options_by_poll: dict[int, list] = {}
    for option in (
        PollOption.objects.filter(poll__session_id=session_id).annotate(n=Count("votes")).order_by("position", "id")
    ):
        options_by_poll.setdefault(option.poll_id, []).append(option)
    mine = dict(
        PollVote.objects.filter(poll__session_id=session_id, user_id=user_id).values_list("poll_id", "option_id")
    )
    result = []
    for poll in polls:
        data = _poll_dict(poll, options_by_poll.get(poll.pk, []))
        data["my_vote"] = mine.get(poll.pk)
        result.append(data)
    return result


def notes_of(*, session_id: int) -> dict:
    pad = NotesPad.objects.filter(session_id=session_id).first()
    if pad is None:
        return {"text": "", "version": 0}
    return {"text": pad.text, "version": pad.version}


def room_state(*, session_id: int, user_id: int, muted: bool) -> dict:
    """Everything a (re)joining client needs besides messages."""
    return {
        "people": presence_list(session_id=session_id),
        "hands": hand_queue(session_id=session_id),
        "polls": polls_for(session_id=session_id, user_id=user_id),
        "notes": notes_of(session_id=session_id),
        "muted": muted,
        "muted_ids": list(RoomMute.objects.filter(session_id=session_id).values_list("user_id", flat=True)),
    }


def _participant_people(session: MentoringSession) -> QuerySet:
    """Everyone admitted as a participant (named, accepted in the cohort, venture teams), once each,
    mentors left out. One query whatever the size of the cohort."""
    admitted = Q(
        pk__in=MentoringSession.participants.through.objects.filter(mentoringsession_id=session.pk).values("user_id")
    )
    admitted |= Q(
        pk__in=Venture.members.through.objects.filter(
            venture_id__in=MentoringSession.ventures.through.objects.filter(mentoringsession_id=session.pk).values(
                "venture_id"
            )
        ).values("user_id")
    )
    if session.cohort_id:
        admitted |= Q(
            pk__in=Participation.objects.filter(
                cohort_id=session.cohort_id, status=Participation.Status.ACCEPTED
            ).values("user_id")
        )
    mentors = MentoringSession.mentors.through.objects.filter(mentoringsession_id=session.pk).values("user_id")
    return User.objects.filter(admitted).exclude(pk__in=mentors).order_by("first_name", "last_name", "username")


def room_roster(*, session: MentoringSession) -> list[dict]:
    """Participants (not mentors) with their mute and removal, for the moderators' no-JS forms. Three queries."""
    muted = set(RoomMute.objects.filter(session=session).values_list("user_id", flat=True))
    removed = set(RoomRemoval.objects.filter(session=session).values_list("user_id", flat=True))
    return [
        {"id": p.pk, "name": p.display_name, "muted": p.pk in muted, "removed": p.pk in removed}
        for p in _participant_people(session)
    ]


def room_members(*, session: MentoringSession) -> list:
    """Mentors then everyone admitted as a participant (each person once), for attendance and roll call."""
    mentors = list(session.mentors.order_by("first_name", "last_name", "username"))
    return mentors + list(_participant_people(session))


def schedulable_cohorts(*, user) -> QuerySet[Cohort]:
    """Cohorts a person may invite to a session: administration any; coordinators the cohorts they
    coordinate; mentors the cohorts of the ventures they mentor."""
    if has_role(user, Role.ADMIN):
        return Cohort.objects.all()
    scope = Q()
    if has_role(user, Role.COORDINATOR):
        scope |= Q(pk__in=Cohort.coordinators.through.objects.filter(user_id=user.pk).values("cohort_id"))
    if has_role(user, Role.MENTOR):
        scope |= Q(pk__in=Venture.objects.filter(mentors=user).values("cohort_id"))
    return Cohort.objects.filter(scope) if scope else Cohort.objects.none()


def schedulable_ventures(*, user) -> QuerySet[Venture]:
    """Ventures a person may invite: administration any; coordinators those of their cohorts;
    mentors the ones they mentor."""
    if has_role(user, Role.ADMIN):
        return Venture.objects.all()
    scope = Q()
    if has_role(user, Role.COORDINATOR):
        scope |= Q(cohort_id__in=Cohort.coordinators.through.objects.filter(user_id=user.pk).values("cohort_id"))
    if has_role(user, Role.MENTOR):
        scope |= Q(pk__in=Venture.mentors.through.objects.filter(user_id=user.pk).values("venture_id"))
    return Venture.objects.filter(scope).select_related("cohort") if scope else Venture.objects.none()


def schedulable_people(*, user, search: str = "") -> QuerySet[User]:
    """People a person may invite by name: administration anyone active; coordinators the people of the
    cohorts they coordinate (participations and venture teams); mentors the teams of the ventures they
    mentor and the learners of the courses they mentor. `search` keeps those whose name or username holds
    every word of it."""
    people = User.objects.filter(is_active=True)
    if not has_role(user, Role.ADMIN):
        scope = Q(pk__in=[])
        if has_role(user, Role.COORDINATOR):
            cohorts = Cohort.coordinators.through.objects.filter(user_id=user.pk).values("cohort_id")
            scope |= Q(pk__in=Participation.objects.filter(cohort_id__in=cohorts).values("user_id"))
            scope |= Q(pk__in=Venture.members.through.objects.filter(venture__cohort_id__in=cohorts).values("user_id"))
        if has_role(user, Role.MENTOR):
            scope |= Q(
                pk__in=Venture.members.through.objects.filter(
                    venture_id__in=Venture.mentors.through.objects.filter(user_id=user.pk).values("venture_id")
                ).values("user_id")
            )
            scope |= Q(pk__in=learner_ids_taught_by(user=user))
        people = people.filter(scope)
    for word in search.split()[:5]:
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(username__icontains=word)
        )
    return people.exclude(pk=user.pk).order_by("first_name", "last_name", "username")


def _merged_minutes(intervals: list[tuple[datetime, datetime]]) -> int:
    total = timedelta()
    current_start: Any = None  # set together with current_end
    current_end: datetime | None = None
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if current_end is None or start > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start
    return int(total.total_seconds() // 60)


@dataclass
class AttendanceLine:
    user: object
    role: str
    minutes: int
    first_joined: datetime | None
    last_left: datetime | None
    in_person: bool | None  # None: no roll call yet


def attendance_for(*, session: MentoringSession, now: datetime | None = None) -> list[AttendanceLine]:
    """Minutes present per person: the union of their online stretches and an in-person presence."""
    now = now or timezone.now()
    rows_by_user: dict[int, list[Attendance]] = {}
    for row in Attendance.objects.filter(session=session).order_by("joined_at", "id"):
        rows_by_user.setdefault(row.user_id, []).append(row)
    mentor_ids = set(session.mentors.values_list("id", flat=True))
    lines = []
    for person in room_members(session=session):
        rows = rows_by_user.get(person.pk, [])
        intervals, in_person = [], None
        online = [r for r in rows if r.source == Attendance.Source.ONLINE]
        for row in rows:
            if row.source == Attendance.Source.IN_PERSON:
                in_person = row.present
                if row.present:
                    intervals.append((session.starts_at, session.ends_at))
            else:
                stale = row.last_heartbeat < now - PRESENCE_STALE_AFTER
                end = row.left_at or (row.last_heartbeat if stale else now)
                intervals.append((row.joined_at, end))
        lines.append(
            AttendanceLine(
                user=person,
                role="mentor" if person.pk in mentor_ids else "participante",
                minutes=_merged_minutes(intervals),
                first_joined=min((r.joined_at for r in online), default=None),
                last_left=max((r.left_at or r.last_heartbeat for r in online), default=None),
                in_person=in_person,
            )
        )
    return lines


room_access_async = database_sync_to_async(room_access)
messages_latest_async = database_sync_to_async(messages_latest)
room_history_async = database_sync_to_async(room_history)
room_state_async = database_sync_to_async(room_state)


def session_get(*, session_id: int) -> MentoringSession:
    return MentoringSession.objects.get(pk=session_id)


session_get_async = database_sync_to_async(session_get)
