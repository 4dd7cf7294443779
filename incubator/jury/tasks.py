"""A team's private pitch result as a PDF, made by a background job and followed on /trabajos/<id>/.

The job is built for the person who asked (a team member) and shown only to the team: the same rule as the
result page. Its key carries the result's version, so a recomputed result makes a new PDF.
"""

from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from cms.jobs.kinds import JobKind, job_kind_register
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_enqueue, job_progress, job_run
from incubator.jury.pdf import result_pdf
from incubator.jury.selectors.results import PrivateResult, private_result_or_404

PDF_JOB = "pitch_result_pdf"


def _can_see(user, job: Job) -> bool:
    try:
        private_result_or_404(user=user, event_id=job.subject_id)
    except Http404:
        return False
    return True


def register() -> None:
    job_kind_register(
        JobKind(
            name=PDF_JOB,
            title=_("El resultado de tu pitch"),
            running=_("Generando el PDF de tu resultado…"),
            can_see=_can_see,
        )
    )


def pitch_result_pdf_job(*, result: PrivateResult, user) -> Job:
    """The job that writes this team's result PDF, once per result version (recomputing makes a new one)."""
    version = f"{result.result.pk}.{result.result.computed_at.timestamp():.0f}.{result.award.pk if result.award else 0}"
    return job_enqueue(
        owner=user,
        kind=PDF_JOB,
        key=f"{PDF_JOB}:{result.entry.pk}:{version}",
        task=pitch_result_pdf_task,
        subject_id=result.event.pk,
    )


def _work(job: Job) -> JobResult:
    try:
        result = private_result_or_404(user=job.owner, event_id=job.subject_id)
    except Http404:
        raise JobError(_("Este resultado ya no está disponible.")) from None
    job_progress(job=job, percent=40)
    name = slugify(str(result.entry)) or result.entry.pk
    return JobResult(content=result_pdf(result=result), filename=f"resultado-pitch-{name}.pdf")


@task()
def pitch_result_pdf_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
