"""room_access and the rate limit run hand-written SQL (selectors._access_sql, _recent_sql); the same questions
asked through the ORM (the expressions the session lists use) must get the same answers, for every kind of
person, so the two can never drift."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.accounts.models import User
from incubator.cohorts.models import Participation
from incubator.mentoring import selectors
from incubator.mentoring.models import MentoringSession, RoomMessage, RoomMute, RoomRemoval
from tests.factories import CohortFactory, UserFactory, VentureFactory

pytestmark = pytest.mark.django_db

FLAGS = ("is_mentor", "is_participant", "is_removed", "is_muted", "is_cohort_coordinator")


def _flags(rows) -> tuple | None:
    row = next(iter(rows), None)
    return None if row is None else tuple(bool(getattr(row, flag)) for flag in FLAGS)


def _by_hand(session_id: int, user_id: int) -> tuple | None:
    params = {"session": session_id, "user": user_id, "accepted": Participation.Status.ACCEPTED.value}
    return _flags(MentoringSession.objects.raw(selectors._access_sql(connection.alias), params))


def _by_orm(session_id: int, user_id: int) -> tuple | None:
    return _flags(selectors._access_queryset(session_id, user_id))


@pytest.fixture
def world():
    """Two sessions and one person of each kind: mentors, named participants, accepted and not accepted
    cohort participants, venture teams, coordinators of the cohort or of a venture's cohort, the creator,
    muted and removed people, an administrator and a stranger."""
    people = {
        name: UserFactory(role=role)
        for name, role in (
            ("mentor", "mentor"),
            ("creator", "coordinacion"),
            ("named", "aprendiz"),
            ("accepted", "aprendiz"),
            ("applied", "aprendiz"),
            ("team", "aprendiz"),
            ("cohort_coordinator", "coordinacion"),
            ("venture_cohort_coordinator", "coordinacion"),
            ("muted", "aprendiz"),
            ("removed", "aprendiz"),
            ("admin", "administracion"),
            ("stranger", "aprendiz"),
            ("other_team", "aprendiz"),
        )
    }
    cohort = CohortFactory(coordinators=[people["cohort_coordinator"]])
    other_cohort = CohortFactory(coordinators=[people["venture_cohort_coordinator"]])
    venture = VentureFactory(cohort=other_cohort, members=[people["team"]])
    VentureFactory(cohort=other_cohort, members=[people["other_team"]])  # a venture not invited
    Participation.objects.create(cohort=cohort, user=people["accepted"], status=Participation.Status.ACCEPTED)
    Participation.objects.create(cohort=cohort, user=people["applied"], status=Participation.Status.APPLIED)
    start = timezone.now() + timedelta(minutes=5)
    full = MentoringSession.objects.create(
        topic="Con cohorte",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        created_by=people["creator"],
        cohort=cohort,
    )
    full.mentors.add(people["mentor"])
    full.participants.add(people["named"], people["muted"], people["removed"])
    full.ventures.add(venture)
    RoomMute.objects.create(session=full, user=people["muted"], by=people["mentor"])
    RoomRemoval.objects.create(session=full, user=people["removed"], by=people["mentor"])
    bare = MentoringSession.objects.create(
        topic="Sin cohorte", starts_at=start, ends_at=start + timedelta(hours=1), created_by=people["mentor"]
    )
    bare.participants.add(people["team"])
    return people, [full, bare]


def test_the_hand_written_access_query_answers_like_the_orm_for_everyone(world):
    people, sessions = world
    missing = max(s.pk for s in sessions) + 100
    answers = {}
    for session_id in [s.pk for s in sessions] + [missing]:
        for name, person in [*people.items(), ("nobody", None)]:
            user_id = person.pk if person else max(User.objects.values_list("pk", flat=True)) + 100
            by_hand = _by_hand(session_id, user_id)
            assert by_hand == _by_orm(session_id, user_id), (session_id, name)
            answers[session_id, name] = by_hand
    assert answers[missing, "mentor"] is None
    full = sessions[0].pk
    # The matrix covers each flag both ways.
    for index in range(len(FLAGS)):
        assert {answers[key][index] for key in answers if answers[key] is not None} == {True, False}, FLAGS[index]
    assert answers[full, "team"][1] and answers[full, "accepted"][1] and not answers[full, "applied"][1]
    assert not answers[full, "other_team"][1]
    assert answers[full, "venture_cohort_coordinator"][4] and answers[full, "creator"][4]
    assert answers[full, "muted"][3] and answers[full, "removed"][2]


def test_room_access_is_one_query_with_named_parameters(world):
    people, sessions = world
    selectors.room_access(session_id=sessions[0].pk, user=people["team"])  # the person's roles are read once
    with CaptureQueriesContext(connection) as queries:
        access, session = selectors.room_access(session_id=sessions[0].pk, user=people["team"])
    assert len(queries) == 1
    assert access.allowed and access.participant and not access.moderator and session.pk == sessions[0].pk


def test_the_hand_written_rate_limit_count_answers_like_the_orm(world):
    people, sessions = world
    full, bare = sessions
    now = timezone.now()
    for minutes_ago, session, author in (
        (1, full, "mentor"),
        (2, full, "mentor"),
        (3, full, "named"),
        (30, full, "mentor"),
        (1, bare, "mentor"),
    ):
        message = RoomMessage.objects.create(
            session=session, author=people[author], text="hola", seq=RoomMessage.objects.count() + 1
        )
        RoomMessage.objects.filter(pk=message.pk).update(created_at=now - timedelta(minutes=minutes_ago))
    for session in sessions:
        for author in ("mentor", "named", "stranger"):
            for since in (now - timedelta(minutes=10), now - timedelta(hours=1), now):
                for limit in (1, 2, 10):
                    kwargs = {"session_id": session.pk, "author_id": people[author].pk, "since": since, "limit": limit}
                    by_orm = selectors._recent_queryset(**kwargs).count()
                    assert selectors.messages_recent_count(**kwargs) == by_orm, kwargs
    assert (
        selectors.messages_recent_count(
            session_id=full.pk, author_id=people["mentor"].pk, since=now - timedelta(minutes=10), limit=10
        )
        == 2
    )
