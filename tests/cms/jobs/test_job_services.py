"""cms/jobs services: one job per key, progress, a Spanish failure, retry under the same record, nothing twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.jobs.models import Job
from cms.jobs.services import JobNotRetryable, job_enqueue, job_is_retryable, job_retry, job_run
from tests.cms.jobs.sample_tasks import KIND, RUNS, _work, sample_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def enqueue(user, key="archivo:1"):
    return job_enqueue(owner=user, kind=KIND, key=key, task=sample_task, subject_id=1)


def test_enqueueing_the_same_key_twice_gives_one_job_and_runs_the_work_once():
    ana = UserFactory()
    first = enqueue(ana)
    second = enqueue(ana)
    assert first.pk == second.pk and Job.objects.count() == 1
    assert [run["job"] for run in RUNS] == [first.pk]
    assert second.state == Job.State.DONE and second.progress == 100 and second.attempts == 1
    with second.result_file.open("rb") as f:
        assert f.read() == b"hola"
    assert second.result_name == "hola.txt" and second.result_file.name.endswith(".txt")


def test_the_running_job_records_its_progress():
    job = enqueue(UserFactory())
    assert RUNS == [{"job": job.pk, "progress": 60}]


def test_a_failure_says_why_in_spanish_and_a_retry_reuses_the_same_job():
    ana = UserFactory()
    job = enqueue(ana, key="falla-una-vez:1")
    assert job.state == Job.State.FAILED
    assert job.error == "No encontramos tus datos. Revisa tu perfil."
    assert job_is_retryable(job)
    retried = job_retry(job=job)
    assert retried.pk == job.pk and Job.objects.count() == 1
    assert retried.state == Job.State.DONE and retried.attempts == 2 and retried.error == ""


def test_an_unexpected_error_fails_with_a_general_spanish_message():
    job = enqueue(UserFactory(), key="se-rompe:1")
    assert job.state == Job.State.FAILED
    assert job.error.startswith("Algo salió mal") and "bug" not in job.error


def test_a_done_job_is_not_retried_and_a_second_run_does_nothing():
    job = enqueue(UserFactory())
    with pytest.raises(JobNotRetryable):
        job_retry(job=job)
    job_run(job_id=job.pk, work=_work)  # a task delivered twice
    assert len(RUNS) == 1


def test_a_running_job_is_retryable_only_once_its_worker_is_gone(settings):
    settings.JOBS_STALE_SECONDS = 300
    job = enqueue(UserFactory())
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, progress=30)
    job.refresh_from_db()
    with pytest.raises(JobNotRetryable):
        job_retry(job=job)  # still running: a retry would do the work twice
    # The worker was killed mid-job: no news for longer than JOBS_STALE_SECONDS.
    Job.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(seconds=301))
    job.refresh_from_db()
    retried = job_retry(job=job)
    assert retried.pk == job.pk and retried.state == Job.State.DONE and len(RUNS) == 2
