"""The course outline is cached for everyone; what each person completed never is, and edits show at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.courses.models import LessonPage
from lms.courses.selectors import course_progress_for, lesson_progress_for
from lms.courses.services import enrolment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def test_a_warm_outline_costs_only_the_persons_queries():
    course = build_course(modules=2, lessons_per_module=3)
    lesson = lessons_of(course)[0]
    learner = UserFactory()
    lesson_progress_for(user=learner, lesson=lesson)
    with CaptureQueriesContext(connection) as queries:
        progress = lesson_progress_for(user=learner, lesson=lesson)
    assert progress.total == 6
    sql = [q["sql"] for q in queries.captured_queries]
    assert len(sql) == 2, sql  # completions and enrolment
    assert not any("wagtailcore_page" in q for q in sql)


def test_two_learners_share_the_outline_but_each_sees_only_their_own_completions():
    course = build_course(modules=1, lessons_per_module=3)
    first, second = UserFactory(), UserFactory()
    for learner in (first, second):
        enrolment_create(user=learner, course=course)
    lesson_complete(user=first, lesson=lessons_of(course)[0])
    assert course_progress_for(user=first, course=course).done == 1
    assert course_progress_for(user=second, course=course).done == 0
    lesson_complete(user=second, lesson=lessons_of(course)[1])
    assert [item.done for item in course_progress_for(user=second, course=course).lessons] == [False, True, False]
    assert [item.done for item in course_progress_for(user=first, course=course).lessons] == [True, False, False]


def test_a_published_lesson_shows_at_once_in_a_cached_outline(client):
    course = build_course(modules=1, lessons_per_module=2)
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    module = lessons_of(course)[0].get_parent()
    page = client.get(module.url).content.decode()  # the outline is now cached
    assert "Lección 1.2" in page and "Lección nueva" not in page
    module.add_child(instance=LessonPage(title="Lección nueva", slug="nueva", body=[("text", "<p>Hola.</p>")]))
    assert "Lección nueva" in client.get(module.url).content.decode()


def test_an_unpublished_or_renamed_lesson_leaves_a_cached_outline_at_once(client):
    course = build_course(modules=1, lessons_per_module=2)
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    first, second = lessons_of(course)
    module_url = first.get_parent().url
    assert "Lección 1.2" in client.get(module_url).content.decode()
    second.unpublish()
    assert "Lección 1.2" not in client.get(module_url).content.decode()
    first.title = "Presupuesto de la casa"
    first.save_revision().publish()
    body = client.get(module_url).content.decode()
    assert "Presupuesto de la casa" in body and "Lección 1.1" not in body
