"""The lesson budget (<= 12 queries) holds for the real site tree and a lesson that carries a quiz."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.home.models import HomePage
from lms.courses.models import CourseIndexPage, Enrolment, LessonPage
from lms.quizzes.models import Choice, Question, Quiz, QuizQuestion
from tests.factories import UserFactory, build_course, lessons_of, site_root


@pytest.fixture
def home_site(db):
    root = site_root().get_parent()
    home = root.add_child(instance=HomePage(title="Semilla", slug="semilla-home"))
    home.add_child(instance=CourseIndexPage(title="Cursos", slug="cursos"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def quiz_for(course) -> Quiz:
    quiz = Quiz.objects.create(course=course, title="Prueba de entrada", kind=Quiz.Kind.PRE)
    for n in range(3):
        question = Question.objects.create(course=course, prompt=f"Pregunta {n}")
        Choice.objects.create(question=question, text="Sí", is_correct=True)
        Choice.objects.create(question=question, text="No")
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=n)
    return quiz


def test_a_lesson_with_a_quiz_stays_within_12_queries(client, home_site):
    course = build_course(modules=2, lessons_per_module=3)
    lesson = lessons_of(course)[0]
    lesson.body = [("text", "<p>Antes de empezar.</p>"), ("quiz", {"quiz": quiz_for(course), "intro": ""})]
    lesson.save()
    learner = UserFactory(role="aprendiz")
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)
    url = LessonPage.objects.get(pk=lesson.pk).url
    assert url.startswith("/cursos/")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200 and "Prueba de entrada" in response.content.decode()
    counted = [q for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(counted) <= 12, "\n".join(q["sql"][:120] for q in counted)
