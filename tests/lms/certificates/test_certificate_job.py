"""The certificate's PDF is a background job: the learner follows it on /trabajos/<id>/ and downloads it there.

The last test runs the real database queue and `manage.py db_worker` once, as `make run` and the stack do.
"""

import signal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from cms.jobs.models import Job
from lms.certificates.models import Certificate
from lms.certificates.services import certificate_issue
from lms.courses.models import Enrolment
from tests.factories import UserFactory, build_course

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queued(db, settings):
    """Ana completed a course; jobs go to the database queue and no worker runs: her PDF is not written yet."""
    settings.TASKS = DATABASE_QUEUE
    course = build_course(title="Educación financiera", modules=1, lessons_per_module=1)
    ana = UserFactory(role="aprendiz", first_name="Ana", last_name="Quispe")
    Enrolment.objects.create(user=ana, course=course)
    return ana, course, certificate_issue(user=ana, course=course)


def status_of(client, certificate):
    response = client.get(reverse("certificates:pdf", args=[certificate.code]))
    assert response.status_code == 302
    return response["Location"]


def test_issuing_queues_one_job_and_the_download_link_leads_to_its_progress(client, queued):
    ana, course, certificate = queued
    assert not certificate.pdf
    job = Job.objects.get()
    assert (job.owner, job.kind, job.state, job.subject_id) == (
        ana,
        "certificate_pdf",
        Job.State.QUEUED,
        certificate.pk,
    )
    client.force_login(ana)
    location = status_of(client, certificate)
    assert location == reverse("jobs:status", args=[job.pk])
    assert status_of(client, certificate) == location  # a double click: the same job
    certificate_issue(user=ana, course=course)  # the course-completed receiver again
    assert Job.objects.count() == 1
    page = client.get(location).content.decode()
    assert "Tu certificado" in page and "Generando tu certificado…" in page
    assert '<meta http-equiv="refresh" content="2">' in page


def test_only_the_learner_and_coordination_see_the_certificate_job(client, queued):
    ana, course, certificate = queued
    job = Job.objects.get()
    url = reverse("jobs:status", args=[job.pk])
    for person, status in (
        (ana, 200),
        (UserFactory(role="aprendiz"), 404),
        (UserFactory(role="mentor"), 404),
        (UserFactory(role="coordinacion"), 200),
        (UserFactory(role="administracion"), 200),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status, person
        assert client.get(reverse("jobs:status_json", args=[job.pk])).status_code == status, person


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_writes_the_pdf_and_the_page_offers_it(client, settings):
    settings.TASKS = DATABASE_QUEUE
    course = build_course(title="Educación financiera", modules=1, lessons_per_module=1)
    ana = UserFactory(role="aprendiz", first_name="Ana", last_name="Quispe")
    Enrolment.objects.create(user=ana, course=course)
    certificate = certificate_issue(user=ana, course=course)
    client.force_login(ana)
    location = status_of(client, certificate)
    assert "<progress" in client.get(location).content.decode()

    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        # --batch: run what is queued, then exit (the worker `make run` starts runs without it).
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", stdout=StringIO())
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)

    job = Job.objects.get()
    assert (job.state, job.progress, job.attempts) == (Job.State.DONE, 100, 1)
    certificate = Certificate.objects.get(pk=certificate.pk)
    with certificate.pdf.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    page = client.get(location).content.decode()
    assert "<progress" not in page and '<meta http-equiv="refresh" content="2">' not in page
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Location"] == reverse("certificates:pdf", args=[certificate.code])
    response = client.get(download["Location"])
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")
