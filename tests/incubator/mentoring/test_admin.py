"""Back office: coordinators manage mentoring sessions and read attendance in the Wagtail admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from incubator.cohorts.models import Participation
from incubator.mentoring.models import Attendance, MentoringSession
from tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_lists_sessions_and_attendance(client, coordinator, session, learner):
    Attendance.objects.create(session=session, user=learner, joined_at=timezone.now(), last_heartbeat=timezone.now())
    client.force_login(coordinator)
    sessions = client.get(reverse("mentorias:index"))
    assert sessions.status_code == 200 and session.topic in sessions.content.decode()
    attendance = client.get(reverse("asistencia_mentorias:index"))
    assert attendance.status_code == 200 and str(learner) in attendance.content.decode()


def test_a_coordinator_schedules_a_session_in_the_admin(client, coordinator, mentor, learner, stranger):
    cohort = CohortFactory(coordinators=[coordinator])
    Participation.objects.create(cohort=cohort, user=learner, status=Participation.Status.ACCEPTED)
    client.force_login(coordinator)
    start = timezone.localtime() + timedelta(days=1)
    data = {
        "topic": "Plan de ventas",
        "description": "",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "video_url": "",
        "location": "",
        "mentors": [mentor.pk],
        "participants": [learner.pk],
    }
    form = client.get(reverse("mentorias:add")).content.decode()
    assert f'value="{learner.pk}"' in form and f"({stranger.username})" not in form  # only the people of her cohorts
    refused = client.post(reverse("mentorias:add"), {**data, "participants": [stranger.pk]})
    assert refused.status_code == 200 and not MentoringSession.objects.exists()
    response = client.post(reverse("mentorias:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    session = MentoringSession.objects.get(topic="Plan de ventas")
    assert session.created_by == coordinator
    assert list(session.mentors.all()) == [mentor] and list(session.participants.all()) == [learner]


def test_attendance_cannot_be_added_or_deleted_by_hand(client, coordinator, session, learner):
    row = Attendance.objects.create(
        session=session, user=learner, joined_at=timezone.now(), last_heartbeat=timezone.now()
    )
    client.force_login(coordinator)
    assert client.get(reverse("asistencia_mentorias:add")).status_code in (302, 403)
    assert client.post(reverse("asistencia_mentorias:delete", args=[row.pk])).status_code in (302, 403)
    assert Attendance.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("who", ["learner", "mentor"])
def test_learners_and_mentors_do_not_reach_the_back_office(client, request, session, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("mentorias:index"))
    assert response.status_code in (302, 403)
    assert session.topic not in response.content.decode()


def test_the_dashboard_links_to_my_sessions(client, learner):
    client.force_login(learner)
    from cms.accounts.selectors import consent_current

    current = consent_current()
    if current is not None:
        learner.consent_version, learner.consent_accepted_at = current, timezone.now()
        learner.save(update_fields=["consent_version", "consent_accepted_at"])
    assert reverse("mentoring:list") in client.get("/inicio/").content.decode()
