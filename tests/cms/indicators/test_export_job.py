"""The page's CSV and XLSX exports run as a background job: one job per request, the file only to the person
who asked and only while she may still see the programme, a Spanish failure with a retry, the stamps kept."""

import hashlib
import io
import zipfile

import pytest
from django.urls import reverse

from cms.accounts.models import Center, Participant, Programme
from cms.indicators import tasks
from cms.indicators.models import IndicatorAccess
from cms.jobs.models import Job
from tests.factories import UserFactory


@pytest.fixture
def programme():
    programme = Programme.objects.create(name="Emprende Norte", slug="norte")
    center = Center.objects.create(programme=programme, name="Centro Ibarra", province="Imbabura", city="Ibarra")
    for sex in ["mujer"] * 7 + ["hombre"] * 2:
        Participant.objects.create(center=center, sex=sex)
    return programme


@pytest.fixture
def coordinator(programme):
    user = UserFactory(role="coordinacion")
    programme.coordinators.add(user)
    return user


def _export(client, programme, fmt="csv", token="pedido-de-prueba-1", **fields):
    return client.post(reverse("indicators:export", args=[programme.slug]), {"formato": fmt, "pedido": token, **fields})


def _download(client, job):
    response = client.get(reverse("jobs:download", args=[job.pk]))
    return response, b"".join(response.streaming_content) if response.status_code == 200 else b""


@pytest.mark.django_db
def test_the_csv_export_is_a_job_whose_file_keeps_its_stamp(client, programme, coordinator):
    client.force_login(coordinator)
    response = _export(client, programme, anio="2026", trimestre="2")
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:status", args=[job.pk])
    assert job.state == Job.State.DONE and job.owner == coordinator and job.kind == tasks.EXPORT_JOB
    page = client.get(response.url).content.decode()
    assert reverse("jobs:download", args=[job.pk]) in page and "SHA-256" in page
    response, content = _download(client, job)
    assert response["Content-Disposition"].endswith('filename="indicadores-norte-2026-04-01-2026-06-30.csv"')
    text = content.decode()
    data, stamp = text.split("# versiones: ")
    assert data.startswith("indicador,desagregacion,categoria,n,valor,suprimido\n")
    assert "# periodo: 2026-04-01/2026-06-30" in stamp
    sha = hashlib.sha256(data.encode()).hexdigest()
    assert f"# sha256: {sha}" in stamp
    access = IndicatorAccess.objects.get(action=IndicatorAccess.Action.CSV)
    assert (access.user, access.content_sha256, access.detail["trabajo"]) == (coordinator, sha, job.pk)


@pytest.mark.django_db
def test_the_xlsx_export_has_the_data_and_the_stamp_sheets(client, programme, coordinator):
    client.force_login(coordinator)
    _export(client, programme, fmt="xlsx")
    _response, content = _download(client, Job.objects.get())
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} <= set(book.namelist())


@pytest.mark.django_db
def test_the_same_request_twice_is_one_job_and_a_new_visit_is_a_new_one(client, programme, coordinator):
    client.force_login(coordinator)
    first = _export(client, programme)
    again = _export(client, programme)
    assert first.url == again.url and Job.objects.count() == 1
    _export(client, programme, fmt="xlsx")
    _export(client, programme, token="otra-visita-de-la-pagina")
    assert Job.objects.count() == 3


@pytest.mark.django_db
def test_the_file_goes_only_to_who_asked_while_she_may_see_the_programme(client, programme, coordinator):
    client.force_login(coordinator)
    _export(client, programme)
    job = Job.objects.get()
    colleague = UserFactory(role="coordinacion")
    programme.coordinators.add(colleague)
    for user in (colleague, UserFactory(role="administracion"), UserFactory(role="aprendiz")):
        client.force_login(user)
        assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404
        assert _download(client, job)[0].status_code == 404
    programme.coordinators.remove(coordinator)
    client.force_login(coordinator)
    assert _download(client, job)[0].status_code == 404
    assert _export(client, programme, token="despues-de-salir").status_code == 404


@pytest.mark.django_db
def test_a_failed_export_says_so_in_spanish_and_the_retry_delivers(client, programme, coordinator, monkeypatch):
    client.force_login(coordinator)

    def broken(report, fmt):
        raise OSError("disk full")

    monkeypatch.setattr(tasks, "build_export", broken)
    response = _export(client, programme)
    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    page = client.get(response.url).content.decode()
    assert "No se pudo terminar" in page and "Intentar de nuevo" in page
    monkeypatch.undo()
    client.post(reverse("jobs:retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.attempts == 2
    assert _download(client, job)[1].startswith(b"indicador,")


@pytest.mark.django_db
def test_a_job_for_a_programme_she_may_no_longer_see_fails_with_a_reason(programme, coordinator):
    from cms.jobs.services import job_retry

    job = Job.objects.create(
        owner=coordinator,
        kind=tasks.EXPORT_JOB,
        key="k",
        task_path=tasks.indicators_export_task.module_path,
        subject_id=programme.pk,
        payload={"fmt": "csv", "start": "2026-01-01", "end": "2026-12-31", "filters": {}},
        state=Job.State.FAILED,
    )
    programme.coordinators.remove(coordinator)
    job = job_retry(job=job)
    assert job.state == Job.State.FAILED and "Ya no puedes ver" in job.error


@pytest.mark.django_db
def test_exports_are_posts_and_unknown_formats_are_refused(client, programme, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("indicators:export", args=[programme.slug])).status_code == 405
    assert _export(client, programme, fmt="pdf").status_code == 404
    assert not Job.objects.exists()
