"""Sessions for a cohort and for ventures: who gets in (accepted participants, venture teams), who does not."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from incubator.cohorts.models import Participation
from incubator.mentoring import selectors, services
from incubator.mentoring.models import Attendance, MentoringSession
from tests.factories import CohortFactory, UserFactory, VentureFactory, venture_with_team
from tests.incubator.mentoring.test_room_consumer import close_code, communicator, join


@dataclass
class Incubated:
    session: MentoringSession
    mentor: object
    coordinator: object
    in_cohort: object  # accepted in the session's cohort
    venture_member: object  # in a venture of another cohort
    reserve: object
    declined: object
    applied: object
    outsider: object
    foreign_venture: object


@pytest.fixture
def incubated():
    venture, member, mentor, coordinator = venture_with_team()
    cohort = CohortFactory(coordinators=[coordinator])
    people = {}
    for key, status in (
        ("in_cohort", "aceptada"),
        ("reserve", "reserva"),
        ("declined", "rechazada"),
        ("applied", "postulada"),
    ):
        people[key] = UserFactory(role="aprendiz")
        Participation.objects.create(cohort=cohort, user=people[key], status=status)
    start = timezone.now() + timedelta(minutes=5)
    session = services.session_schedule(
        by=coordinator,
        topic="Costos para la cohorte",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        mentors=[mentor],
        cohort=cohort,
        ventures=[venture],
    )
    return Incubated(
        session=session,
        mentor=mentor,
        coordinator=coordinator,
        venture_member=member,
        outsider=UserFactory(role="aprendiz"),
        foreign_venture=VentureFactory(),
        **people,
    )


def _refused(i: Incubated) -> list:
    return [i.reserve, i.declined, i.applied, i.outsider]


# --- Pages ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_cohort_participants_and_venture_members_open_the_room_and_the_ics(client, incubated):
    for person in (incubated.in_cohort, incubated.venture_member):
        client.force_login(person)
        for name in ("mentoring:room", "mentoring:ics"):
            assert client.get(reverse(name, args=[incubated.session.pk])).status_code == 200


@pytest.mark.django_db
def test_outsiders_and_unaccepted_applicants_get_404(client, incubated):
    for person in _refused(incubated):
        client.force_login(person)
        assert client.get(reverse("mentoring:room", args=[incubated.session.pk])).status_code == 404
        access, _session = selectors.room_access(session_id=incubated.session.pk, user=person)
        assert not access.allowed


@pytest.mark.django_db
def test_the_access_check_is_still_one_query(incubated, django_assert_num_queries):
    with django_assert_num_queries(1):
        access, _session = selectors.room_access(
            session_id=incubated.session.pk, user=incubated.in_cohort, coordinator=False
        )
    assert access.participant and not access.moderator


@pytest.mark.django_db
def test_my_sessions_lists_sessions_reached_through_cohort_or_venture(client, incubated):
    for person in (incubated.in_cohort, incubated.venture_member):
        assert incubated.session in selectors.sessions_upcoming_for(user=person)
    for person in _refused(incubated):
        assert incubated.session not in selectors.sessions_upcoming_for(user=person)
    client.force_login(incubated.venture_member)
    assert "Costos para la cohorte" in client.get(reverse("mentoring:list")).content.decode()


@pytest.mark.django_db
def test_my_sessions_queries_do_not_grow_with_sessions(client, incubated):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("mentoring:list")).status_code == 200
        return len(ctx.captured_queries)

    client.force_login(incubated.in_cohort)
    count()  # warm the per-process caches (site, settings)
    before = count()
    start = timezone.now() + timedelta(days=1)
    for n in range(3):
        services.session_schedule(
            by=incubated.coordinator,
            topic=f"Otra {n}",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            mentors=[incubated.mentor],
            cohort=incubated.session.cohort,
        )
    assert count() == before


@pytest.mark.django_db
def test_attendance_and_roll_call_include_everyone_admitted_once(client, incubated):
    session = incubated.session
    session.participants.add(incubated.in_cohort)  # named too: still listed once
    Attendance.objects.create(
        session=session,
        user=incubated.venture_member,
        joined_at=session.starts_at,
        left_at=session.starts_at + timedelta(minutes=30),
        last_heartbeat=session.starts_at + timedelta(minutes=30),
    )
    ids = [line.user.pk for line in selectors.attendance_for(session=session)]
    assert ids.count(incubated.in_cohort.pk) == 1 and ids.count(incubated.venture_member.pk) == 1
    assert ids[0] == incubated.mentor.pk
    assert not {p.pk for p in _refused(incubated)} & set(ids)
    client.force_login(incubated.mentor)
    response = client.post(
        reverse("mentoring:roll_call", args=[session.pk]),
        {
            f"persona-{incubated.in_cohort.pk}": "presente",
            f"persona-{incubated.reserve.pk}": "presente",
        },
    )
    assert response.status_code == 302
    assert Attendance.objects.get(user=incubated.in_cohort, source="presencial").present
    assert not Attendance.objects.filter(user=incubated.reserve).exists()
    html = client.get(reverse("mentoring:roll_call", args=[session.pk])).content.decode()
    assert f"persona-{incubated.venture_member.pk}" in html


@pytest.mark.django_db
def test_moderators_can_remove_a_venture_member(incubated):
    services.member_remove(session_id=incubated.session.pk, user_id=incubated.venture_member.pk, by=incubated.mentor)
    assert not selectors.room_access(session_id=incubated.session.pk, user=incubated.venture_member)[0].allowed
    with pytest.raises(services.NotFound):
        services.member_mute(session_id=incubated.session.pk, user_id=incubated.reserve.pk, by=incubated.mentor)


# --- Scheduling -----------------------------------------------------------------------------


def _form_data(**extra) -> dict:
    start = timezone.localtime() + timedelta(days=2)
    return {
        "topic": "Ventas",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        **extra,
    }


@pytest.mark.django_db
def test_a_mentor_invites_the_ventures_they_mentor_only(client, incubated):
    venture = incubated.session.ventures.get()
    client.force_login(incubated.mentor)
    response = client.post(reverse("mentoring:new"), _form_data(ventures=[incubated.foreign_venture.pk]))
    assert response.status_code == 200
    assert "Solo puedes invitar" in str(response.context["form"].errors["ventures"])
    response = client.post(reverse("mentoring:new"), _form_data(ventures=[venture.pk], cohort=venture.cohort_id))
    assert response.status_code == 302
    created = MentoringSession.objects.get(topic="Ventas")
    assert list(created.ventures.all()) == [venture] and created.cohort == venture.cohort


@pytest.mark.django_db
def test_the_service_refuses_what_the_person_may_not_invite(incubated):
    start = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.session_schedule(
            by=incubated.mentor,
            topic="x",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            mentors=[],
            cohort=incubated.foreign_venture.cohort,
            ventures=[incubated.foreign_venture],
        )
    assert set(exc.value.message_dict) == {"cohort", "ventures"}


@pytest.mark.django_db
def test_a_coordinator_adds_a_cohort_and_ventures_in_the_admin(client, incubated):
    client.force_login(incubated.coordinator)
    start = timezone.localtime() + timedelta(days=1)
    data = {
        "topic": "Plan de ventas",
        "description": "",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "video_url": "",
        "location": "",
        "mentors": [incubated.mentor.pk],
        "cohort": incubated.session.cohort_id,
    }
    refused = client.post(reverse("mentorias:add"), {**data, "ventures": [incubated.foreign_venture.pk]})
    assert refused.status_code == 200 and not MentoringSession.objects.filter(topic="Plan de ventas").exists()
    venture = incubated.session.ventures.get()
    response = client.post(reverse("mentorias:add"), {**data, "ventures": [venture.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    created = MentoringSession.objects.get(topic="Plan de ventas")
    assert created.cohort_id == incubated.session.cohort_id and list(created.ventures.all()) == [venture]


# --- The socket -----------------------------------------------------------------------------


@pytest.fixture
def fresh_layer():
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("fresh_layer")
@pytest.mark.parametrize("who", ["in_cohort", "venture_member"])
async def test_cohort_participants_and_venture_members_connect(incubated, who):
    comm = await join(getattr(incubated, who), incubated.session.pk)
    await comm.send_json_to({"type": "message.send", "text": "Hola desde el equipo"})  # no close came
    while (frame := await comm.receive_json_from(timeout=3))["type"] != "message":
        assert frame["type"] != "removed"
    assert frame["message"]["text"] == "Hola desde el equipo"
    await comm.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("fresh_layer")
@pytest.mark.parametrize("who", ["outsider", "reserve", "declined"])
async def test_outsiders_and_unaccepted_applicants_are_closed_with_4403(incubated, who):
    comm = communicator(getattr(incubated, who), incubated.session.pk)
    await comm.connect()
    assert await close_code(comm) == 4403
    await comm.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("fresh_layer")
async def test_a_member_who_leaves_the_venture_is_refused_on_the_next_event(incubated):
    comm = await join(incubated.venture_member, incubated.session.pk)
    venture = await database_sync_to_async(incubated.session.ventures.get)()
    await database_sync_to_async(venture.members.remove)(incubated.venture_member)
    # Still an accepted participant of the venture's own cohort, but that cohort is not the session's.
    await comm.send_json_to({"type": "message.send", "text": "¿sigo aquí?"})
    assert await close_code(comm) == 4403
    await comm.disconnect()
