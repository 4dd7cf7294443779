"""Writes of jobs: enqueue once per key, progress, done, fail, retry, and the runner tasks call.

A task (django-tasks, in the app that owns the work) receives only the job's id and calls `job_run`. The
Job row, not the queue, says what happened: a task run twice for one job finds it no longer queued and does
nothing, and a worker killed mid-job leaves a job that `job_is_stale` lets the person retry.
"""

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from cms.jobs.kinds import job_kind
from cms.jobs.models import Job

logger = logging.getLogger("semilla")


class JobNotRetryable(Exception):
    """The job is done, or queued or running and not yet stale: a retry would do the work twice."""


class JobError(Exception):
    """A failure the person can understand: its message (Spanish) is shown as is on the status page."""


@dataclass(frozen=True)
class JobResult:
    """What a job produced: a file (bytes and download name), a link to a page that serves it, and/or a
    Spanish sentence saying what was done ("Importación lista: …")."""

    content: bytes | None = None
    filename: str = ""
    url: str = ""
    summary: str = ""


def job_stale_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "JOBS_STALE_SECONDS", 300))


def job_is_stale(job: Job) -> bool:
    """Queued or running with no news for too long: its worker died (or never got it)."""
    return job.state in (Job.State.QUEUED, Job.State.RUNNING) and job.updated_at < timezone.now() - job_stale_after()


def job_is_retryable(job: Job) -> bool:
    return job.state == Job.State.FAILED or job_is_stale(job)


def _dispatch(job: Job) -> None:
    # Same transaction as the row: with the database backend the worker sees both or neither.
    import_string(job.task_path).enqueue(job_id=job.pk)


def job_enqueue(*, owner, kind: str, key: str, task, subject_id: int | None = None, payload: dict | None = None) -> Job:
    """The job for `key`, created and queued the first time; after that the same job, whatever its state.

    `task` is a django-tasks Task taking `job_id`; `payload` (JSON) is what it needs besides the object.
    A double click, a retried request or two people asking for
    the same file get one job: `key` is unique and names the work (kind, object, version), not the request.
    """
    with transaction.atomic():
        job, created = Job.objects.get_or_create(
            key=key,
            defaults={
                "owner": owner,
                "kind": kind,
                "subject_id": subject_id,
                "payload": payload or {},
                "task_path": task.module_path,
                "message": str(job_kind(kind).running),
            },
        )
        if created:
            _dispatch(job)
    if created:
        job.refresh_from_db()  # the immediate backend (tests) ran it already
    return job


def job_start(*, job_id: int) -> Job | None:
    """Mark a queued job running and count the attempt; None when it is not queued (done, failed, running)."""
    with transaction.atomic():
        # The row lock settles two task runs for one job (a retry racing a slow first run): one starts.
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state != Job.State.QUEUED:
            return None
        job.state = Job.State.RUNNING
        job.attempts += 1
        job.progress = 0
        job.error = ""
        job.started_at = timezone.now()
        job.finished_at = None
        job.message = str(job_kind(job.kind).running)
        job.save()
    return job


def job_progress(*, job: Job, percent: int, message: str = "") -> Job:
    """Record how far a running job is (0-100) and, if given, what it is doing now, for the status page."""
    job.progress = max(0, min(100, int(percent)))
    if message:
        job.message = message[:300]
    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(
        progress=job.progress, message=job.message, updated_at=timezone.now()
    )
    return job


def job_done(*, job: Job, result: JobResult) -> Job:
    """Store the result (a private file under trabajos/, or a link) and mark the job done."""
    if result.content is not None:
        # Unguessable stored name; the file is served only by the job's download view, which checks who asks.
        suffix = PurePosixPath(result.filename).suffix or ".bin"
        job.result_file.save(f"{job.pk}-{secrets.token_urlsafe(16)}{suffix}", ContentFile(result.content), save=False)
    job.result_name = result.filename[:200]
    job.result_url = result.url[:500]
    job.result_text = result.summary[:500]
    job.state = Job.State.DONE
    job.progress = 100
    job.error = ""
    job.finished_at = timezone.now()
    job.save()
    return job


def job_fail(*, job: Job, error: str) -> Job:
    """Mark the job failed with a Spanish sentence the person reads; they may retry it."""
    job.state = Job.State.FAILED
    job.error = error
    job.finished_at = timezone.now()
    job.save()
    return job


def job_retry(*, job: Job) -> Job:
    """Queue a failed (or stale) job again under the same record. Raises JobNotRetryable otherwise."""
    with transaction.atomic():
        # The lock keeps two clicks on "Intentar de nuevo" from queueing the work twice.
        locked = Job.objects.select_for_update().get(pk=job.pk)
        if not job_is_retryable(locked):
            raise JobNotRetryable
        locked.state = Job.State.QUEUED
        locked.progress = 0
        locked.error = ""
        locked.finished_at = None
        locked.message = str(job_kind(locked.kind).running)
        locked.save()
        _dispatch(locked)
    locked.refresh_from_db()
    return locked


def job_run(*, job_id: int, work: Callable[[Job], JobResult]) -> None:
    """What a task does: start the job, call `work(job)`, then mark it done or failed. Never raises.

    `work` may call job_progress; it raises JobError with a Spanish message for a failure the person can act
    on. Any other exception is logged and shown as a general Spanish message.
    """
    job = job_start(job_id=job_id)
    if job is None:
        return
    try:
        # A savepoint: a database error inside the work leaves the connection usable for job_fail.
        with transaction.atomic():
            result = work(job)
    except JobError as error:
        job_fail(job=job, error=str(error))
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        job_fail(job=job, error=_("Algo salió mal y no se pudo terminar. Intenta de nuevo en un momento."))
    else:
        job_done(job=job, result=result)


def job_enqueue_recent(
    *, owner, kind: str, subject_id: int, task, fresh_for: timedelta = timedelta(minutes=1), payload: dict | None = None
) -> Job:
    """A job that makes a fresh file of changing data (an export), at most one at a time per person and object.

    The person's latest job of this kind for the object is returned while it is queued or running, and for
    `fresh_for` after it ended (a second click on «Descargar» gets the same file, a failed one offers its
    retry); after that a new job makes the file again. Keys count up, "<kind>:<object>:<person>:<n>", so two
    requests at once compute the same key and get one job (job_enqueue's unique key), never two.
    """
    prefix = f"{kind}:{subject_id}:{owner.pk}:"
    latest = Job.objects.filter(key__startswith=prefix).order_by("-created_at", "-pk").first()
    if latest is not None and (latest.finished_at is None or latest.finished_at > timezone.now() - fresh_for):
        return latest
    generation = int(latest.key.rsplit(":", 1)[1]) + 1 if latest is not None else 1
    return job_enqueue(
        owner=owner, kind=kind, key=f"{prefix}{generation}", task=task, subject_id=subject_id, payload=payload
    )
