"""A job kind for the tests of cms/jobs: it records each run, reports 60 %, and fails on request."""

from django_tasks import task

from cms.jobs.kinds import JobKind, job_kind_register, owner_or_admin
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_progress, job_run

KIND = "sample"
RUNS: list[dict] = []  # one entry per run of the work: the job's id and the progress the database held


def register() -> None:
    job_kind_register(
        JobKind(name=KIND, title="Tu archivo de prueba", running="Generando tu archivo…", can_see=owner_or_admin)
    )


def _work(job: Job) -> JobResult:
    job_progress(job=job, percent=60)
    RUNS.append({"job": job.pk, "progress": Job.objects.get(pk=job.pk).progress})
    if job.key.startswith("falla-una-vez") and job.attempts == 1:
        raise JobError("No encontramos tus datos. Revisa tu perfil.")
    if job.key.startswith("se-rompe"):
        raise RuntimeError("an unexpected bug")
    return JobResult(content=b"hola", filename="hola.txt")


@task()
def sample_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
