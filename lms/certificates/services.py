"""Writes of certificates: issue once on course completion, revoke."""

import logging
import secrets

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from cms.jobs.models import Job
from cms.jobs.services import job_enqueue
from lms.certificates.models import Certificate
from lms.certificates.pdf import certificate_pdf
from lms.courses.models import CoursePage

# The job kind of a certificate's PDF (lms/certificates/tasks.py registers it).
PDF_JOB = "certificate_pdf"

logger = logging.getLogger("semilla")

# No 0/O, 1/I/L: people type these codes from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def certificate_code_new() -> str:
    """A random verification code of 10 unambiguous characters (~49 bits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def certificate_issue(*, user, course: CoursePage) -> Certificate:
    """The learner's certificate for the course, created the first time (idempotent); its PDF is a job.

    The PDF is written once by a background job and never regenerated; a revoked certificate stays revoked.
    """
    existing = Certificate.objects.filter(user=user, course=course).first()
    if existing is not None:
        return _pdf_queue(existing)
    for _attempt in range(5):
        try:
            # Unique constraints settle both races: the same learner twice, or a code collision.
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    user=user,
                    course=course,
                    code=certificate_code_new(),
                    learner_name=user.get_full_name() or user.username,
                    course_title=course.title,
                    hours=course.estimated_hours,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(user=user, course=course).first()
            if existing is not None:
                return _pdf_queue(existing)
            continue
        logger.info("certificate %s issued to %s for course %s", certificate.pk, user.pk, course.pk)
        return _pdf_queue(certificate)
    raise RuntimeError("no free certificate code after 5 attempts")


def certificate_pdf_job(*, certificate: Certificate) -> Job:
    """The job that writes the certificate's PDF: queued once per certificate, the same job after that.

    Its owner is the learner; coordination and admins may see it too (tasks.py registers the rule).
    """
    from lms.certificates.tasks import certificate_pdf_task

    return job_enqueue(
        owner=certificate.user,
        kind=PDF_JOB,
        key=f"{PDF_JOB}:{certificate.pk}",  # the PDF is never regenerated: one version per certificate
        task=certificate_pdf_task,
        subject_id=certificate.pk,
    )


def _pdf_queue(certificate: Certificate) -> Certificate:
    if certificate.pdf:
        return certificate
    certificate_pdf_job(certificate=certificate)
    certificate.refresh_from_db(fields=["pdf"])  # written already when jobs run in the request (tests)
    return certificate


def certificate_pdf_write(*, certificate: Certificate) -> Certificate:
    """Write the PDF if it is missing (first issue, or a crash between row and file); never overwrite.

    Runs in the background job (tasks.py), not in the request that completes the course.
    """
    if certificate.pdf:
        return certificate
    # The file name is unguessable: the code alone is public (printed, verification page).
    name = f"{certificate.code}-{secrets.token_urlsafe(16)}.pdf"
    certificate.pdf.save(name, ContentFile(certificate_pdf(certificate)), save=False)
    Certificate.objects.filter(pk=certificate.pk, pdf="").update(pdf=certificate.pdf.name)
    return certificate


def certificate_revoke(*, certificate: Certificate) -> Certificate:
    """Mark a certificate as anulado; verification then says so. The PDF stays as issued."""
    certificate.revoked = True
    certificate.save(update_fields=["revoked"])
    return certificate


def on_course_completed(sender, *, user, course, **kwargs) -> None:
    """Receiver of courses.signals.course_completed: issue the certificate."""
    try:
        certificate_issue(user=user, course=course)
    except Exception:
        # The course stays completed; opening "Mis certificados" retries the issue.
        logger.exception("certificate for user %s course %s failed", user.pk, course.pk)


def certificates_ensure_for(*, user) -> int:
    """Issue any certificate missing for a course the learner completed (a failed receiver). Returns count."""
    from lms.courses.models import Enrolment

    missing = (
        Enrolment.objects.filter(user=user, completed_at__isnull=False)
        .exclude(course__certificates__user=user)
        .select_related("course")
    )
    count = 0
    for enrolment in missing:
        certificate_issue(user=user, course=enrolment.course)
        count += 1
    return count
