"""The course gradebook's CSV as a background job: whoever asked follows it on /trabajos/<id>/ and downloads
the file there, while they may still see the course's grades."""

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from cms.jobs.kinds import JobKind, job_kind_register
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_enqueue_recent, job_progress, job_run
from lms.courses.models import CoursePage
from lms.grades.csv import gradebook_csv
from lms.grades.selectors import can_see_course_grades, gradebook_for_course

GRADEBOOK_CSV_JOB = "gradebook_csv"


def _can_see(user, job: Job) -> bool:
    """Only the person who asked, and only while they may still see the course's grades."""
    if job.owner_id != user.pk:
        return False
    course = CoursePage.objects.filter(pk=job.subject_id).first()
    return course is not None and can_see_course_grades(user=user, course=course)


def register() -> None:
    job_kind_register(
        JobKind(
            name=GRADEBOOK_CSV_JOB,
            title=gettext_lazy("Calificaciones del curso (CSV)"),
            running=gettext_lazy("Preparando el archivo de calificaciones…"),
            can_see=_can_see,
        )
    )


def gradebook_csv_job(*, course: CoursePage, user) -> Job:
    """The person's export of the course gradebook: a second click while it is made finds the same job."""
    return job_enqueue_recent(owner=user, kind=GRADEBOOK_CSV_JOB, subject_id=course.pk, task=gradebook_csv_task)


def _work(job: Job) -> JobResult:
    course = CoursePage.objects.filter(pk=job.subject_id).first()
    if course is None:
        raise JobError(_("Este curso ya no existe."))
    if not can_see_course_grades(user=job.owner, course=course):
        raise JobError(_("Ya no puedes ver las calificaciones de este curso."))
    job_progress(job=job, percent=30)
    content = gradebook_csv(gradebook_for_course(course=course)).encode("utf-8")
    name = slugify(course.title) or "curso"
    return JobResult(content=content, filename=f"calificaciones-{name}.csv")


@task()
def gradebook_csv_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
