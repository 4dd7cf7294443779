"""A learner asks for her certificate while its PDF is still queued: she sees the progress page, the worker
(`manage.py db_worker`, run once here) writes the PDF, the page notices by itself and she downloads it."""

import re
import signal
from io import StringIO

import pytest
from django.core.management import call_command

from lms.certificates.services import certificate_issue
from lms.courses.models import Enrolment
from tests.browser.conftest import accept_current_consent, assert_accessible, consent_ensure, login, wagtail_site_ensure
from tests.factories import UserFactory, build_course


def run_worker_once() -> None:
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", stdout=StringIO())
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


@pytest.mark.django_db(transaction=True)
def test_a_learner_follows_her_certificate_job_and_downloads_it(page, live_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    wagtail_site_ensure()
    consent_ensure()
    course = build_course(title="Ahorro para tu negocio", modules=1, lessons_per_module=1)
    lucia = UserFactory(username="lucia", password="semillas-de-cacao-7", first_name="Lucía", last_name="Mendoza")
    accept_current_consent(lucia)
    Enrolment.objects.create(user=lucia, course=course)
    certificate_issue(user=lucia, course=course)  # queued: no worker has run yet

    # The status page's script asks for news every 2 s; held back until the worker is done, so the browser
    # and the worker never write to the test database at the same time.
    page.route(re.compile(r".*/trabajos/\d+/estado/$"), lambda route: route.abort())
    login(page, live_server, "lucia", "semillas-de-cacao-7")
    page.goto(f"{live_server.url}/certificados/")
    with page.expect_navigation():
        page.get_by_role("link", name="Descargar PDF").click()
    assert re.search(r"/trabajos/\d+/$", page.url), page.url
    assert page.locator("h1").inner_text().strip() == "Tu certificado"
    assert "Generando tu certificado…" in page.content()
    assert page.locator("progress").count() == 1
    assert_accessible(page)

    run_worker_once()
    page.unroute(re.compile(r".*/trabajos/\d+/estado/$"))
    download_link = page.get_by_role("link", name="Descargar")
    download_link.wait_for()  # the script saw the job done and reloaded the page
    assert page.locator("progress").count() == 0
    assert_accessible(page)
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("certificado-")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
