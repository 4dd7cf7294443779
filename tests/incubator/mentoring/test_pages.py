"""Plain pages of the mentoring rooms: they work without JS and show nothing to outsiders."""

import csv
import io
from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from incubator.mentoring import services
from incubator.mentoring.models import Attendance, HandRaise, MentoringSession, PollVote, RoomMessage
from tests.factories import VentureFactory
from tests.job_support import download_through_job

pytestmark = pytest.mark.django_db

MEMBER_PAGES = ["mentoring:room", "mentoring:ics"]
MODERATOR_PAGES = ["mentoring:attendance", "mentoring:attendance_csv", "mentoring:roll_call"]


@pytest.mark.parametrize("name", MEMBER_PAGES + MODERATOR_PAGES)
def test_a_learner_outside_the_session_gets_404(client, session, stranger, name):
    client.force_login(stranger)
    assert client.get(reverse(name, args=[session.pk])).status_code == 404


@pytest.mark.parametrize("name", MODERATOR_PAGES)
def test_a_participant_cannot_see_attendance_pages(client, session, learner, name):
    client.force_login(learner)
    assert client.get(reverse(name, args=[session.pk])).status_code == 403


@pytest.mark.parametrize("name", MEMBER_PAGES + MODERATOR_PAGES)
def test_anonymous_visitors_go_to_login(client, session, name):
    response = client.get(reverse(name, args=[session.pk]))
    assert response.status_code == 302 and "/cuenta/" in response["Location"]


@pytest.mark.parametrize("url_name,args", [("mentoring:message", []), ("mentoring:hand", []), ("mentoring:close", [])])
def test_outsiders_cannot_post(client, session, stranger, url_name, args):
    client.force_login(stranger)
    assert client.post(reverse(url_name, args=[session.pk, *args]), {"text": "x"}).status_code == 404
    assert not RoomMessage.objects.exists()


def test_a_removed_participant_no_longer_sees_the_room(client, session, learner, mentor):
    services.member_remove(session_id=session.pk, user_id=learner.pk, by=mentor)
    client.force_login(learner)
    assert client.get(reverse("mentoring:room", args=[session.pk])).status_code == 404
    assert session not in client.get(reverse("mentoring:list")).context["upcoming"]


def test_my_sessions_lists_only_mine(client, make_session, learner, stranger):
    mine = make_session()
    other = make_session(participants=[stranger])
    client.force_login(learner)
    response = client.get(reverse("mentoring:list"))
    assert list(response.context["upcoming"]) == [mine]
    assert other.topic == mine.topic and f"/mentorias/{other.pk}/" not in response.content.decode()


def test_the_room_works_without_js(client, session, learner):
    client.force_login(learner)
    response = client.post(reverse("mentoring:message", args=[session.pk]), {"text": "<script>x</script> hola"})
    assert response.status_code == 302
    page = client.get(reverse("mentoring:room", args=[session.pk])).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt; hola" in page
    assert f'action="/mentorias/{session.pk}/mensajes/"' in page
    assert '<script src="/static/mentoring/room' in page and "defer" in page


def test_the_room_gives_its_script_the_singular_and_plural_of_votes(client, session, learner):
    """room.js shows "1 voto" and "2 votos": the page hands it both forms, translated (issue 16)."""
    client.force_login(learner)
    page = client.get(reverse("mentoring:room", args=[session.pk])).content.decode()
    assert 'data-t-vote-one="voto"' in page and 'data-t-votes="votos"' in page


def test_older_messages_page_back(client, session, learner):
    RoomMessage.objects.bulk_create(
        [RoomMessage(session=session, author=learner, text=f"m{n}", seq=n + 1) for n in range(60)]
    )
    client.force_login(learner)
    first = client.get(reverse("mentoring:room", args=[session.pk]))
    assert len(first.context["history"]) == 50 and first.context["older_id"]
    older = client.get(reverse("mentoring:room", args=[session.pk]), {"antes": first.context["older_id"]})
    assert [m.text for m in older.context["history"]] == [f"m{n}" for n in range(10)]


def test_the_form_shows_the_rate_limit_message(client, session, learner):
    client.force_login(learner)
    for n in range(6):
        response = client.post(reverse("mentoring:message", args=[session.pk]), {"text": f"m{n}"}, follow=True)
    assert RoomMessage.objects.count() == 5
    assert "Vas muy rápido" in response.content.decode()


def test_a_muted_person_cannot_post_through_the_form(client, session, learner, mentor):
    services.member_mute(session_id=session.pk, user_id=learner.pk, by=mentor)
    client.force_login(learner)
    client.post(reverse("mentoring:message", args=[session.pk]), {"text": "hola"})
    assert not RoomMessage.objects.exists()


def test_hand_and_vote_without_js(client, session, learner, mentor):
    poll = services.poll_create(session_id=session.pk, by=mentor, question="¿Sí?", options=["Sí", "No"])
    client.force_login(learner)
    client.post(reverse("mentoring:hand", args=[session.pk]), {"accion": "levantar"})
    assert HandRaise.objects.filter(user=learner, lowered_at__isnull=True).exists()
    client.post(reverse("mentoring:hand", args=[session.pk]), {"accion": "bajar"})
    assert not HandRaise.objects.filter(user=learner, lowered_at__isnull=True).exists()
    client.post(reverse("mentoring:vote", args=[session.pk, poll.pk]), {"opcion": poll.options.first().pk})
    assert PollVote.objects.filter(user=learner).count() == 1


def test_only_moderators_close_the_room(client, session, learner, mentor):
    client.force_login(learner)
    assert client.post(reverse("mentoring:close", args=[session.pk])).status_code == 403
    client.force_login(mentor)
    client.post(reverse("mentoring:close", args=[session.pk]))
    session.refresh_from_db()
    assert session.closed_at is not None


def test_the_ics_file_describes_the_session(client, make_session, learner):
    session = make_session(video_url="https://meet.jit.si/semilla-precios", location="CEI Quito; sala 2")
    client.force_login(learner)
    response = client.get(reverse("mentoring:ics", args=[session.pk]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and "SUMMARY:Precios de tu producto\r\n" in body
    assert "LOCATION:CEI Quito\\; sala 2" in body
    assert f"DTSTART:{session.starts_at.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_a_mentor_schedules_a_session(client, mentor, learner):
    VentureFactory(members=[learner], mentors=[mentor])
    client.force_login(mentor)
    start = timezone.localtime() + timedelta(days=2)
    response = client.post(
        reverse("mentoring:new"),
        {
            "topic": "Flujo de caja",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "video_url": "https://meet.jit.si/semilla",
            "participants": [learner.pk],
        },
    )
    session = MentoringSession.objects.get(topic="Flujo de caja")
    assert response.status_code == 302
    assert list(session.mentors.all()) == [mentor] and list(session.participants.all()) == [learner]


def test_the_schedule_form_refuses_bad_links_and_learners(client, mentor, learner):
    client.force_login(learner)
    assert client.get(reverse("mentoring:new")).status_code == 403
    client.force_login(mentor)
    start = timezone.localtime() + timedelta(days=2)
    response = client.post(
        reverse("mentoring:new"),
        {
            "topic": "x",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "video_url": "ftp://x.example/a",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"ends_at", "video_url"}


def test_attendance_list_csv_and_roll_call(client, session, learner, other_learner, mentor):
    Attendance.objects.create(
        session=session,
        user=learner,
        joined_at=session.starts_at,
        left_at=session.starts_at + timedelta(minutes=25),
        last_heartbeat=session.starts_at + timedelta(minutes=25),
    )
    learner.first_name = "=HYPERLINK(1)"
    learner.save()
    client.force_login(mentor)
    response = client.post(
        reverse("mentoring:roll_call", args=[session.pk]),
        {f"persona-{other_learner.pk}": "presente", f"persona-{learner.pk}": "ausente"},
    )
    assert response.status_code == 302
    assert Attendance.objects.get(user=other_learner, source="presencial").present
    download = download_through_job(client, reverse("mentoring:attendance_csv", args=[session.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    by_user = {row[1]: row for row in rows[1:]}
    assert by_user[learner.username][3] == "25" and by_user[learner.username][0].startswith("'=")
    assert by_user[other_learner.username][3] == "60" and by_user[other_learner.username][6] == "Sí"
    page = client.get(reverse("mentoring:attendance", args=[session.pk])).content.decode()
    assert "Ausente" in page and "Presente" in page
