"""The attendance CSV is made by a background job (cms/jobs): only the moderator who asked gets the file, while
they still moderate the room, and asking twice while it is made does not make it twice."""

import pytest
from django.urls import reverse

from cms.jobs.models import Job
from incubator.mentoring import tasks
from tests.job_support import download_through_job

pytestmark = pytest.mark.django_db


def job_started_by(client, user, session) -> Job:
    client.force_login(user)
    response = client.get(reverse("mentoring:attendance_csv", args=[session.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/trabajos/")
    return Job.objects.get(pk=int(response["Location"].strip("/").rsplit("/", 1)[1]))


def test_the_mentor_gets_the_attendance_file_through_the_job_page(client, session, mentor, learner):
    client.force_login(mentor)
    response = download_through_job(client, reverse("mentoring:attendance_csv", args=[session.pk]))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff") and body.lstrip("\ufeff").startswith("Nombre,Usuario,Rol,Minutos presentes")
    assert f'filename="asistencia-mentoria-{session.pk}.csv"' in response["Content-Disposition"]


def test_participants_outsiders_and_other_moderators_cannot_fetch_the_mentors_file(
    client, session, mentor, learner, stranger, coordinator
):
    job = job_started_by(client, mentor, session)
    for someone in (learner, stranger, coordinator):
        client.force_login(someone)
        assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404
        assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404


def test_a_mentor_taken_off_the_session_can_no_longer_fetch_their_file(client, session, mentor):
    job = job_started_by(client, mentor, session)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 200
    session.mentors.remove(mentor)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404


def test_asking_twice_finds_the_same_job(client, session, mentor):
    first = job_started_by(client, mentor, session)
    second = job_started_by(client, mentor, session)
    assert first.pk == second.pk and Job.objects.filter(kind=tasks.ATTENDANCE_CSV_JOB).count() == 1
    assert Job.objects.get(pk=first.pk).attempts == 1
