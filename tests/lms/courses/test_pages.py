import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.courses.models import Enrolment, LessonCompletion
from lms.courses.services import enrolment_create, lesson_complete
from lms.quizzes.models import Quiz
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def enrolled(course, **kwargs):
    user = UserFactory(**kwargs)
    enrolment_create(user=user, course=course)
    return user


def test_catalogue_and_course_page_show_the_course_and_the_enrol_button(client):
    course = build_course(title="Plan de negocio")
    client.force_login(UserFactory())
    catalogue = client.get(course.get_parent().url)
    assert "Plan de negocio" in catalogue.content.decode()
    page = client.get(course.url).content.decode()
    assert "Inscribirme" in page
    assert "Hacer un presupuesto" in page
    assert "Módulo 2" in page


def test_an_enrolled_learner_reads_a_lesson_and_it_becomes_the_place_to_continue(client):
    course = build_course()
    user = enrolled(course)
    lesson = lessons_of(course)[1]
    client.force_login(user)
    response = client.get(lesson.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Contenido de la lección 1.2." in body
    assert "Marcar como completada" in body
    assert Enrolment.objects.get(user=user).last_lesson_id == lesson.id
    assert f'href="{lesson.url}">Continuar donde lo dejé' in client.get(course.url).content.decode()


def test_a_learner_who_is_not_enrolled_cannot_read_a_lesson(client):
    course = build_course()
    client.force_login(UserFactory(role="aprendiz"))
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 302
    assert response["Location"] == course.url
    assert "Contenido de la lección" not in client.get(response["Location"]).content.decode()


def test_a_waitlisted_learner_cannot_read_a_lesson(client):
    course = build_course(capacity=1)
    enrolled(course)
    waiting = enrolled(course)
    client.force_login(waiting)
    assert client.get(lessons_of(course)[0].url).status_code == 302


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    course = build_course()
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 302
    assert "/cuenta/" in response["Location"]


def test_the_mentor_of_the_course_previews_but_a_mentor_of_another_course_cannot(client):
    course = build_course()
    other_course = build_course(title="Otro curso")
    mentor, outsider = UserFactory(role="mentor"), UserFactory(role="mentor")
    course.mentors.add(mentor)
    course.save()
    other_course.mentors.add(outsider)
    other_course.save()
    lesson = lessons_of(course)[0]
    client.force_login(mentor)
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "Vista previa" in response.content.decode()
    client.force_login(outsider)
    assert client.get(lesson.url).status_code == 302


def test_a_coordinator_previews_any_course(client):
    course = build_course()
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(lessons_of(course)[0].url).status_code == 200


def test_a_locked_module_says_which_module_to_finish_first(client):
    course = build_course(modules=2, lessons_per_module=1, requires_previous=True)
    user = enrolled(course)
    first, second = lessons_of(course)
    client.force_login(user)
    body = client.get(second.url).content.decode()
    assert "Completa primero el módulo «Módulo 1»." in body
    assert "Contenido de la lección 2.1." not in body
    assert client.post(f"/aprender/leccion/{second.id}/completar/").status_code == 302
    assert not LessonCompletion.objects.filter(user=user, lesson=second).exists()

    client.post(f"/aprender/leccion/{first.id}/completar/")
    assert "Contenido de la lección 2.1." in client.get(second.url).content.decode()


def test_the_button_completes_a_lesson_and_goes_to_the_next(client):
    course = build_course(modules=1, lessons_per_module=2)
    user = enrolled(course)
    first, second = lessons_of(course)
    client.force_login(user)
    response = client.post(f"/aprender/leccion/{first.id}/completar/")
    assert response["Location"] == second.url
    assert LessonCompletion.objects.filter(user=user, lesson=first).exists()


def test_a_learner_who_is_not_enrolled_cannot_complete_a_lesson(client):
    course = build_course()
    client.force_login(UserFactory())
    assert client.post(f"/aprender/leccion/{lessons_of(course)[0].id}/completar/").status_code == 404


def test_a_lesson_with_a_quiz_block_cannot_be_completed_by_the_button(client):
    course = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    quiz = Quiz.objects.create(course=course, title="Repaso del presupuesto")
    lesson.body = [("text", "<p>Hola</p>"), ("quiz", {"quiz": quiz, "intro": "Responde."})]
    lesson.save_revision().publish()
    user = enrolled(course)
    client.force_login(user)
    body = client.get(lesson.url).content.decode()
    assert "Esta lección se completa al aprobar su cuestionario." in body
    assert "Marcar como completada" not in body
    client.post(f"/aprender/leccion/{lesson.id}/completar/")
    assert not LessonCompletion.objects.filter(user=user).exists()


def test_my_courses_lists_only_my_own_enrolments_with_progress(client):
    course, other = build_course(title="Ahorro"), build_course(title="Fotografía")
    me, someone = enrolled(course), enrolled(other)
    lesson_complete(user=me, lesson=lessons_of(course)[0])
    client.force_login(me)
    body = client.get("/aprender/").content.decode()
    assert "Ahorro" in body and "1 de 4 lecciones (25 %)" in body
    assert "Fotografía" not in body
    assert someone.username not in body


def lesson_queries(client, *, lessons: int, others: int) -> int:
    course = build_course(title=f"Curso {lessons}-{others}", modules=1, lessons_per_module=lessons)
    for _ in range(others):
        enrolled(course)
    user = enrolled(course)
    target = lessons_of(course)[0]
    lesson_complete(user=user, lesson=target)
    client.force_login(user)
    client.get(target.url)  # warm caches (site root paths) as a returning visitor has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(target.url)
    assert response.status_code == 200
    # Savepoints exist only because the test runs inside a transaction; production does not send them.
    return sum(1 for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")))


def test_the_lesson_page_stays_within_12_queries_whatever_the_number_of_lessons_or_enrolments(client):
    small = lesson_queries(client, lessons=1, others=0)
    large = lesson_queries(client, lessons=50, others=50)
    assert small == large
    assert large <= 12


def test_the_course_page_shows_only_my_own_progress(client):
    course = build_course(modules=1, lessons_per_module=4)
    advanced, beginner = enrolled(course), enrolled(course)
    for lesson in lessons_of(course)[:3]:
        lesson_complete(user=advanced, lesson=lesson)
    client.force_login(beginner)
    body = client.get(course.url).content.decode()
    assert "Tu avance: 0 %" in body
    assert "75 %" not in body


def test_a_lesson_with_a_pre_test_says_sending_it_completes_the_lesson_whatever_the_score(client):
    course = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    quiz = Quiz.objects.create(course=course, title="¿Qué sabes ya?", kind=Quiz.Kind.PRE)
    lesson.body = [("quiz", {"quiz": quiz, "intro": ""})]
    lesson.save_revision().publish()
    user = enrolled(course)
    client.force_login(user)
    body = client.get(lesson.url).content.decode()
    assert "aprobar su cuestionario" not in body
    assert "Esta lección se completa al enviar la prueba de entrada. No importa la nota" in body
    response = client.post(f"/aprender/leccion/{lesson.id}/completar/", follow=True)
    assert "aprobar su cuestionario" not in response.content.decode()
