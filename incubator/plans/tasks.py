"""A plan version's PDF as a background job: whoever may see the venture follows it on /trabajos/<id>/.

A version is frozen once submitted, so one job per version serves everyone who asks for it.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from cms.jobs.kinds import JobKind, job_kind_register
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_enqueue, job_progress, job_run
from incubator.plans.models import PlanVersion
from incubator.plans.pdf import version_pdf
from incubator.ventures.access import ventures_visible_to

PDF_JOB = "plan_version_pdf"


def _version(job: Job) -> PlanVersion | None:
    return PlanVersion.objects.select_related("plan__venture").filter(pk=job.subject_id).first()


def _can_see(user, job: Job) -> bool:
    """The venture's rule (team, its mentors, coordination): the same people who may open the version."""
    version = _version(job)
    return version is not None and ventures_visible_to(user).filter(pk=version.plan.venture_id).exists()


def register() -> None:
    job_kind_register(
        JobKind(
            name=PDF_JOB,
            title=_("El PDF de tu plan de negocio"),
            running=_("Generando el PDF del plan…"),
            can_see=_can_see,
        )
    )


def plan_version_pdf_job(*, version: PlanVersion, user) -> Job:
    """The job that writes this version's PDF: queued the first time anyone asks, the same job after that."""
    return job_enqueue(
        owner=user, kind=PDF_JOB, key=f"{PDF_JOB}:{version.pk}", task=plan_version_pdf_task, subject_id=version.pk
    )


def _work(job: Job) -> JobResult:
    version = _version(job)
    if version is None:
        raise JobError(_("Esta versión del plan ya no existe."))
    venture = version.plan.venture
    job_progress(job=job, percent=30)
    content = version_pdf(venture=venture, version=version)
    return JobResult(content=content, filename=f"plan-{slugify(venture.name) or venture.pk}-v{version.number}.pdf")


@task()
def plan_version_pdf_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
