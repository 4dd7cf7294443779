"""The gradebook's CSV is made by a background job (cms/jobs): the file goes only to whoever asked, while they
may still see the course's grades, and a second click while it is made does not make it twice."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cms.jobs.models import Job
from lms.grades import tasks
from tests.factories import UserFactory, build_course
from tests.job_support import download_through_job
from tests.lms.grades.conftest import record


def mentor_of(course):
    mentor = UserFactory(role="mentor")
    course.mentors.add(mentor)
    course.save()
    return mentor


def job_started_by(client, user, course) -> Job:
    client.force_login(user)
    response = client.get(reverse("grades:course_csv", args=[course.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/trabajos/")
    return Job.objects.get(pk=int(response["Location"].strip("/").rsplit("/", 1)[1]))


def test_the_course_mentor_gets_the_file_through_the_job_page(client, course, items, ana):
    record(ana, course, items[0], "80")
    mentor = mentor_of(course)
    client.force_login(mentor)
    response = download_through_job(client, reverse("grades:course_csv", args=[course.pk]))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff") and f"{ana.username},Ana Quispe,80.00" in body
    assert 'filename="calificaciones-educacion-financiera.csv"' in response["Content-Disposition"]
    job = Job.objects.get(kind=tasks.GRADEBOOK_CSV_JOB)
    assert job.owner == mentor and job.state == Job.State.DONE and job.attempts == 1


def test_another_mentor_a_learner_or_a_coordinator_cannot_fetch_the_mentors_file(client, course, items, ana):
    job = job_started_by(client, mentor_of(course), course)
    other_course = build_course(title="Plan de negocio", modules=1, lessons_per_module=1)
    for someone in (mentor_of(other_course), ana, UserFactory(role="coordinacion")):
        client.force_login(someone)
        assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404
        assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404


def test_a_mentor_taken_off_the_course_can_no_longer_fetch_their_file(client, course, items, ana):
    mentor = mentor_of(course)
    job = job_started_by(client, mentor, course)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 200
    course.mentors.remove(mentor)
    course.save()
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404


def test_a_second_click_finds_the_same_job_and_the_file_is_made_once(client, course, items, ana):
    mentor = mentor_of(course)
    first = job_started_by(client, mentor, course)
    second = job_started_by(client, mentor, course)
    assert first.pk == second.pk
    assert Job.objects.filter(kind=tasks.GRADEBOOK_CSV_JOB).count() == 1
    assert Job.objects.get(pk=first.pk).attempts == 1


def test_a_later_export_makes_a_fresh_file_with_the_new_grades(client, course, items, ana):
    mentor = mentor_of(course)
    first = job_started_by(client, mentor, course)
    Job.objects.filter(pk=first.pk).update(finished_at=timezone.now() - timedelta(minutes=5))
    record(ana, course, items[0], "95")
    second = job_started_by(client, mentor, course)
    assert second.pk != first.pk
    body = b"".join(client.get(reverse("jobs:download", args=[second.pk])).streaming_content).decode("utf-8")
    assert "95.00" in body


def test_the_job_fails_in_spanish_when_the_right_was_lost_before_it_ran(course, items):
    mentor = mentor_of(course)
    job = Job.objects.create(
        owner=mentor,
        kind=tasks.GRADEBOOK_CSV_JOB,
        key="gradebook_csv:prueba",
        subject_id=course.pk,
        task_path=tasks.gradebook_csv_task.module_path,
    )
    course.mentors.remove(mentor)
    course.save()
    tasks.gradebook_csv_task.call(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.error == "Ya no puedes ver las calificaciones de este curso."
    assert not job.result_file


def test_a_failed_export_says_why_in_spanish_and_can_be_retried(client, course, items, ana):
    mentor = mentor_of(course)
    course.mentors.remove(mentor)
    course.save()
    job = Job.objects.create(
        owner=mentor,
        kind=tasks.GRADEBOOK_CSV_JOB,
        key=f"gradebook_csv:{course.pk}:{mentor.pk}:1",
        subject_id=course.pk,
        task_path=tasks.gradebook_csv_task.module_path,
    )
    tasks.gradebook_csv_task.call(job_id=job.pk)
    course.mentors.add(mentor)  # given back: the person may see the job again, and retry it
    course.save()
    client.force_login(mentor)
    page = client.get(reverse("jobs:status", args=[job.pk])).content.decode()
    assert "Ya no puedes ver las calificaciones de este curso." in page and "Intentar de nuevo" in page
    client.post(reverse("jobs:retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.attempts == 2
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 200
