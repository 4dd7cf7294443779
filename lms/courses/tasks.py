"""The enrolment CSV import as a background job: coordination confirms the preview and follows the import on
/trabajos/<id>/, which says what was imported or why nothing was."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from cms.accounts.roles import Role, has_role
from cms.jobs.kinds import JobKind, job_kind_register
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_enqueue, job_progress, job_run
from lms.courses import services

CSV_IMPORT_JOB = "enrolment_csv_import"


def _can_see(user, job: Job) -> bool:
    """Whoever confirmed it, and the rest of coordination and administration (they see the enrolments)."""
    return job.owner_id == user.pk or has_role(user, Role.COORDINATOR, Role.ADMIN)


def register() -> None:
    job_kind_register(
        JobKind(
            name=CSV_IMPORT_JOB,
            title=gettext_lazy("Inscripción desde CSV"),
            running=gettext_lazy("Inscribiendo a las personas del archivo…"),
            can_see=_can_see,
        )
    )


def enrolment_csv_import_job(*, pairs: list[list[int]], preview_id: str, actor) -> Job:
    """The job that imports one confirmed preview: a second click on «Confirmar» finds the same job.

    `preview_id` is random per preview: uploading the same file again later is a new import, not this one.
    """
    return job_enqueue(
        owner=actor,
        kind=CSV_IMPORT_JOB,
        key=f"{CSV_IMPORT_JOB}:{preview_id}",
        task=enrolment_csv_import_task,
        payload={"pairs": pairs},
    )


def _work(job: Job) -> JobResult:
    job_progress(job=job, percent=10)
    try:
        counts = services.enrolment_csv_import(pairs=job.payload["pairs"], actor=job.owner)
    except services.CsvImportChanged:
        raise JobError(_("Algo cambió desde la vista previa. No se importó nada: sube el archivo otra vez.")) from None
    summary = _("Importación lista: %(active)s inscritas, %(waiting)s en lista de espera, %(same)s sin cambios.") % {
        "active": counts["activa"],
        "waiting": counts["espera"],
        "same": counts["sin_cambios"],
    }
    return JobResult(summary=summary)


@task()
def enrolment_csv_import_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
