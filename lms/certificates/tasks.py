"""The certificate's PDF as a background job: the work runs in the worker, the learner follows it on
/trabajos/<id>/ and downloads the file from the certificate's own download view."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from cms.jobs.kinds import JobKind, job_kind_register
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_progress, job_run
from lms.certificates.models import Certificate
from lms.certificates.selectors import can_download_certificate
from lms.certificates.services import PDF_JOB, certificate_pdf_write


def _can_see(user, job: Job) -> bool:
    certificate = Certificate.objects.filter(pk=job.subject_id).first()
    return certificate is not None and can_download_certificate(user=user, certificate=certificate)


def register() -> None:
    job_kind_register(
        JobKind(
            name=PDF_JOB,
            title=_("Tu certificado"),
            running=_("Generando tu certificado…"),
            can_see=_can_see,
        )
    )


def _work(job: Job) -> JobResult:
    certificate = Certificate.objects.filter(pk=job.subject_id).first()
    if certificate is None:
        raise JobError(_("Este certificado ya no existe."))
    job_progress(job=job, percent=30)
    certificate_pdf_write(certificate=certificate)
    return JobResult(url=reverse("certificates:pdf", args=[certificate.code]))


@task()
def certificate_pdf_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
