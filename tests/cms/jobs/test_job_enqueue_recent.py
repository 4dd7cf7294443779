"""job_enqueue_recent: one export at a time per person and object; a fresh one once the last is a minute old."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.jobs.models import Job
from cms.jobs.services import job_enqueue_recent
from tests.cms.jobs import sample_tasks
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def export(user, subject_id=7):
    return job_enqueue_recent(owner=user, kind=sample_tasks.KIND, subject_id=subject_id, task=sample_tasks.sample_task)


def test_a_second_ask_right_after_gets_the_same_job_and_the_work_runs_once():
    ana = UserFactory()
    first, second = export(ana), export(ana)
    assert first.pk == second.pk and first.key == f"{sample_tasks.KIND}:7:{ana.pk}:1"
    assert len(sample_tasks.RUNS) == 1


def test_a_job_still_queued_is_returned_however_old():
    ana = UserFactory()
    job = Job.objects.create(
        owner=ana, kind=sample_tasks.KIND, key=f"{sample_tasks.KIND}:7:{ana.pk}:1", subject_id=7, task_path="x"
    )
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert export(ana).pk == job.pk and sample_tasks.RUNS == []


def test_once_the_last_file_is_old_a_new_job_makes_it_again():
    ana = UserFactory()
    first = export(ana)
    Job.objects.filter(pk=first.pk).update(finished_at=timezone.now() - timedelta(minutes=2))
    second = export(ana)
    assert second.pk != first.pk and second.key.endswith(":2") and len(sample_tasks.RUNS) == 2


def test_each_person_and_object_has_its_own_job():
    ana, beto = UserFactory(), UserFactory()
    assert len({export(ana).pk, export(beto).pk, export(ana, subject_id=8).pk}) == 3
