"""Reads of jobs, always through the kind's rule of who may see them."""

from dataclasses import dataclass

from django.http import Http404

from cms.jobs.kinds import job_kind
from cms.jobs.models import Job
from cms.jobs.services import job_is_retryable, job_is_stale


def job_visible_or_404(*, user, job_id: int) -> Job:
    """The job if this person may see it (its kind's rule); 404 for everyone else, so nothing leaks."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    job = Job.objects.filter(pk=job_id).first()
    if job is None or not job_kind(job.kind).can_see(user, job):
        raise Http404
    return job


@dataclass(frozen=True)
class JobStatus:
    """What the status page and its JSON show."""

    job: Job
    title: str
    running: bool
    done: bool
    failed: bool
    stale: bool
    retryable: bool
    has_result: bool

    def as_json(self) -> dict:
        return {
            "state": self.job.state,
            "progress": self.job.progress,
            "message": self.job.message,
            "error": self.job.error,
            "done": self.done,
            "failed": self.failed,
            "retryable": self.retryable,
        }


def job_status(*, job: Job) -> JobStatus:
    return JobStatus(
        job=job,
        title=str(job_kind(job.kind).title),
        running=job.state in (Job.State.QUEUED, Job.State.RUNNING),
        done=job.state == Job.State.DONE,
        failed=job.state == Job.State.FAILED,
        stale=job_is_stale(job),
        retryable=job_is_retryable(job),
        has_result=bool(job.result_file or job.result_url),
    )
