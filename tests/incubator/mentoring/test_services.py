from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from incubator.mentoring import selectors, services
from incubator.mentoring.models import Attendance, RoomMessage

pytestmark = pytest.mark.django_db


def test_it_refuses_a_video_link_that_is_not_http(make_session):
    with pytest.raises(ValidationError):
        make_session(video_url="javascript:alert(1)")


def test_a_mentor_who_schedules_is_always_a_mentor(learner, mentor, coordinator):
    start = timezone.now() + timedelta(days=1)
    session = services.session_schedule(
        by=mentor, topic="Caja", starts_at=start, ends_at=start + timedelta(hours=1), mentors=[], participants=[learner]
    )
    assert list(session.mentors.all()) == [mentor]


def test_it_refuses_an_end_before_the_start(mentor):
    start = timezone.now()
    with pytest.raises(ValidationError):
        services.session_schedule(by=mentor, topic="x", starts_at=start, ends_at=start, mentors=[mentor])


def test_message_ids_grow_and_history_pages_back(session, learner):
    ids = []
    for n in range(7):
        RoomMessage.objects.create(session=session, author=learner, text=f"m{n}", seq=n + 1)
    ids = list(RoomMessage.objects.values_list("id", flat=True))
    assert ids == sorted(ids)
    page, more = selectors.messages_latest(session_id=session.pk, limit=5)
    assert [m.text for m in page] == ["m2", "m3", "m4", "m5", "m6"] and more
    older, more = selectors.messages_latest(session_id=session.pk, before_id=page[0].pk, limit=5)
    assert [m.text for m in older] == ["m0", "m1"] and not more


def test_the_sixth_message_in_five_seconds_is_refused(session, learner):
    for n in range(5):
        services.message_post(session_id=session.pk, author=learner, text=f"hola {n}")
    with pytest.raises(services.RateLimited):
        services.message_post(session_id=session.pk, author=learner, text="otra")


def test_the_rate_limit_counts_only_this_authors_recent_messages_in_this_room(session, make_session, learner, mentor):
    other_room = make_session()
    for text in ("viejo", "nuevo 1", "nuevo 2"):
        services.message_post(session_id=session.pk, author=learner, text=text)
    RoomMessage.objects.filter(text="viejo").update(created_at=timezone.now() - timedelta(seconds=6))
    services.message_post(session_id=session.pk, author=mentor, text="de la mentora")
    services.message_post(session_id=other_room.pk, author=learner, text="en otra sala")
    since = timezone.now() - services.RATE_LIMIT_WINDOW
    assert selectors.messages_recent_count(session_id=session.pk, author_id=learner.pk, since=since, limit=5) == 2
    assert selectors.messages_recent_count(session_id=session.pk, author_id=learner.pk, since=since, limit=1) == 1
    assert selectors.messages_recent_count(session_id=other_room.pk, author_id=mentor.pk, since=since, limit=5) == 0


def test_it_refuses_empty_and_too_long_messages(session, learner):
    with pytest.raises(services.Invalid):
        services.message_post(session_id=session.pk, author=learner, text="   ")
    with pytest.raises(services.Invalid):
        services.message_post(session_id=session.pk, author=learner, text="a" * 2001)


def test_a_person_votes_once(session, learner, mentor):
    poll = services.poll_create(session_id=session.pk, by=mentor, question="¿Vendes en línea?", options=["Sí", "No"])
    yes = poll.options.first()
    services.poll_vote(session_id=session.pk, poll_id=poll.pk, option_id=yes.pk, user=learner)
    with pytest.raises(services.AlreadyVoted):
        services.poll_vote(session_id=session.pk, poll_id=poll.pk, option_id=yes.pk, user=learner)
    assert selectors.poll_payload(poll_id=poll.pk)["total"] == 1


def test_a_stale_notes_save_conflicts_and_keeps_the_current_text(session, learner, mentor):
    services.notes_save(session_id=session.pk, by=mentor, text="Precio: 5", base_version=0)
    with pytest.raises(services.NotesConflict) as exc:
        services.notes_save(session_id=session.pk, by=learner, text="Precio: 6", base_version=0)
    assert exc.value.extra == {"text": "Precio: 5", "version": 1}


def test_minutes_merge_overlapping_tabs_and_roll_call(session, learner, mentor):
    start = session.starts_at
    Attendance.objects.create(
        session=session,
        user=learner,
        joined_at=start,
        left_at=start + timedelta(minutes=20),
        last_heartbeat=start + timedelta(minutes=20),
    )
    Attendance.objects.create(
        session=session,
        user=learner,
        joined_at=start + timedelta(minutes=10),
        left_at=start + timedelta(minutes=30),
        last_heartbeat=start + timedelta(minutes=30),
    )
    services.roll_call_save(session=session, by=mentor, present={mentor.pk: True, learner.pk: False})
    lines = {line.user.pk: line for line in selectors.attendance_for(session=session)}
    assert lines[learner.pk].minutes == 30 and lines[learner.pk].in_person is False
    assert lines[mentor.pk].minutes == 60 and lines[mentor.pk].in_person is True


def test_stale_presences_are_pruned(session, learner):
    old = timezone.now() - timedelta(minutes=5)
    row = Attendance.objects.create(session=session, user=learner, joined_at=old, last_heartbeat=old)
    assert services.presences_prune(session_id=session.pk) == 1
    row.refresh_from_db()
    assert row.left_at == old
    assert selectors.presence_list(session_id=session.pk) == []


def test_the_access_check_sees_membership_mute_and_removal(session, learner, stranger, coordinator, mentor):
    access, _ = selectors.room_access(session_id=session.pk, user=learner)
    assert access.allowed and not access.moderator and access.status == selectors.RoomStatus.OPEN
    assert not selectors.room_access(session_id=session.pk, user=stranger)[0].allowed
    assert not selectors.room_access(session_id=session.pk, user=coordinator)[0].allowed  # not her cohort's
    services.member_mute(session_id=session.pk, user_id=learner.pk, by=mentor)
    assert not selectors.room_access(session_id=session.pk, user=learner)[0].can_write
    services.member_remove(session_id=session.pk, user_id=learner.pk, by=mentor)
    assert not selectors.room_access(session_id=session.pk, user=learner)[0].allowed


def test_the_room_opens_ten_minutes_before(make_session, learner):
    later = make_session(starts_in=timedelta(minutes=11))
    assert selectors.room_access(session_id=later.pk, user=learner)[0].status == selectors.RoomStatus.NOT_YET


def test_the_per_event_access_check_is_one_query(session, learner, django_assert_num_queries):
    with django_assert_num_queries(1):
        selectors.room_access(session_id=session.pk, user=learner, coordinator=False)


def test_state_and_history_queries_do_not_grow_with_people(
    session, learner, other_learner, mentor, django_assert_max_num_queries
):
    for person in (learner, other_learner, mentor):
        services.message_post(session_id=session.pk, author=person, text="hola")
        services.hand_raise(session_id=session.pk, user=person)
        services.presence_join(session_id=session.pk, user=person, channel_name=f"c{person.pk}")
    services.poll_create(session_id=session.pk, by=mentor, question="¿?", options=["a", "b"])
    with django_assert_max_num_queries(8):
        selectors.messages_latest(session_id=session.pk)
        selectors.room_state(session_id=session.pk, user_id=learner.pk, muted=False)
