"""/trabajos/<id>/: progress without JavaScript (the page refreshes itself), the file when done, «Intentar de
nuevo» when failed, and 404 for anyone the job's kind does not show it to."""

import pytest
from django.urls import reverse

from cms.jobs.models import Job
from tests.cms.jobs.sample_tasks import KIND
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REFRESH = '<meta http-equiv="refresh" content="2">'


def job_of(user, **fields):
    return Job.objects.create(owner=user, kind=KIND, key=f"k:{Job.objects.count()}", task_path="x", **fields)


def test_a_running_job_shows_its_progress_and_refreshes_itself_without_javascript(client):
    ana = UserFactory()
    job = job_of(ana, state=Job.State.RUNNING, progress=60, message="Generando tu certificado…")
    client.force_login(ana)
    response = client.get(reverse("jobs:status", args=[job.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Generando tu certificado… 60 %" in page
    assert '<progress id="trabajo-avance" max="100" value="60"' in page
    assert f"<noscript>{REFRESH}</noscript>" in page
    assert reverse("jobs:status_json", args=[job.pk]) in page  # the script polls this


def test_a_finished_job_stops_refreshing_and_offers_the_file(client):
    ana = UserFactory()
    job = job_of(ana, state=Job.State.DONE, progress=100, result_url="/certificados/")
    client.force_login(ana)
    page = client.get(reverse("jobs:status", args=[job.pk])).content.decode()
    assert REFRESH not in page and "<progress" not in page
    assert reverse("jobs:download", args=[job.pk]) in page and "Descargar" in page
    assert client.get(reverse("jobs:download", args=[job.pk]))["Location"] == "/certificados/"


def test_a_failed_job_says_why_and_offers_to_try_again(client):
    ana = UserFactory()
    job = job_of(ana, state=Job.State.FAILED, error="No encontramos tus datos.")
    client.force_login(ana)
    page = client.get(reverse("jobs:status", args=[job.pk])).content.decode()
    assert "No se pudo terminar." in page and "No encontramos tus datos." in page
    assert f'action="{reverse("jobs:retry", args=[job.pk])}"' in page and "Intentar de nuevo" in page
    assert REFRESH not in page


def test_try_again_is_a_post_that_queues_the_same_job(client):
    ana = UserFactory()
    job = job_of(ana, state=Job.State.FAILED, error="No encontramos tus datos.")
    job.task_path = "tests.cms.jobs.sample_tasks.sample_task"
    job.save()
    client.force_login(ana)
    assert client.get(reverse("jobs:retry", args=[job.pk])).status_code == 405
    response = client.post(reverse("jobs:retry", args=[job.pk]))
    assert response["Location"] == reverse("jobs:status", args=[job.pk])
    job.refresh_from_db()
    assert job.state == Job.State.DONE and Job.objects.count() == 1


def test_the_json_status_for_the_script(client):
    ana = UserFactory()
    job = job_of(ana, state=Job.State.RUNNING, progress=60, message="Generando tu archivo…")
    client.force_login(ana)
    data = client.get(reverse("jobs:status_json", args=[job.pk])).json()
    assert data == {
        "state": "en_curso",
        "progress": 60,
        "message": "Generando tu archivo…",
        "error": "",
        "done": False,
        "failed": False,
        "retryable": False,
    }


def test_another_person_gets_404_everywhere_and_an_admin_sees_it(client):
    ana = UserFactory()
    job = job_of(ana, state=Job.State.DONE, progress=100, result_url="/certificados/")
    client.force_login(UserFactory())
    for name in ("status", "status_json", "download"):
        assert client.get(reverse(f"jobs:{name}", args=[job.pk])).status_code == 404, name
    assert client.post(reverse("jobs:retry", args=[job.pk])).status_code == 404
    client.force_login(UserFactory(role="administracion"))
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 200
    client.logout()
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 302  # to sign in
