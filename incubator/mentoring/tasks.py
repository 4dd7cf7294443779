"""A mentoring session's attendance as a CSV file, made by a background job: whoever asked (a moderator of the
room) follows it on /trabajos/<id>/ and downloads it there, while they still moderate the room."""

import csv
import io
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from cms.jobs.kinds import JobKind, job_kind_register
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_enqueue_recent, job_progress, job_run
from incubator.mentoring import selectors
from incubator.mentoring.models import MentoringSession
from lms.grades.csv import csv_safe

ATTENDANCE_CSV_JOB = "attendance_csv"


def _moderates(user, session_id: int | None) -> bool:
    if session_id is None:
        return False
    access, _session = selectors.room_access(session_id=session_id, user=user)
    return access.allowed and access.moderator


def _can_see(user, job: Job) -> bool:
    """Only the person who asked, and only while they still moderate the room (the attendance page's rule)."""
    return job.owner_id == user.pk and _moderates(user, job.subject_id)


def register() -> None:
    job_kind_register(
        JobKind(
            name=ATTENDANCE_CSV_JOB,
            title=gettext_lazy("Asistencia de la mentoría (CSV)"),
            running=gettext_lazy("Preparando el archivo de asistencia…"),
            can_see=_can_see,
        )
    )


def attendance_csv_job(*, session: MentoringSession, user) -> Job:
    """The person's export of the session's attendance: a second click while it is made finds the same job."""
    return job_enqueue_recent(owner=user, kind=ATTENDANCE_CSV_JOB, subject_id=session.pk, task=attendance_csv_task)


def attendance_csv(*, session: MentoringSession) -> bytes:
    """The attendance of a session as CSV with a BOM (spreadsheet programs then read UTF-8)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Nombre"),
            _("Usuario"),
            _("Rol"),
            _("Minutos presentes"),
            _("Primera entrada"),
            _("Última salida"),
            _("Presencial"),
        ]
    )
    yes, no = _("Sí"), _("No")
    for line in selectors.attendance_for(session=session):
        local = [
            timezone.localtime(v).strftime("%Y-%m-%d %H:%M") if v else "" for v in (line.first_joined, line.last_left)
        ]
        in_person = "" if line.in_person is None else (yes if line.in_person else no)
        person: Any = line.user
        writer.writerow(
            [csv_safe(v) for v in (person.display_name, person.username, line.role, line.minutes, *local, in_person)]
        )
    return out.getvalue().encode("utf-8")


def _work(job: Job) -> JobResult:
    session = MentoringSession.objects.filter(pk=job.subject_id).first() if job.subject_id is not None else None
    if session is None:
        raise JobError(_("Esta mentoría ya no existe."))
    if not _moderates(job.owner, session.pk):
        raise JobError(_("Ya no puedes ver la asistencia de esta mentoría."))
    job_progress(job=job, percent=30)
    return JobResult(content=attendance_csv(session=session), filename=f"asistencia-mentoria-{session.pk}.csv")


@task()
def attendance_csv_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
