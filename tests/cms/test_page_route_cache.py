"""Wagtail routes are cached per URL; the page, its privacy and the person's access are checked every time."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.courses.services import enrolment_create
from lms.quizzes.models import Quiz
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def enrolled_client(client, course):
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    return client


def test_a_second_visit_skips_the_site_lookup_and_the_tree_walk(client):
    course = build_course()
    lesson = lessons_of(course)[0]
    enrolled_client(client, course)
    with CaptureQueriesContext(connection) as first:
        assert client.get(lesson.url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        response = client.get(lesson.url)
    assert response.status_code == 200 and "Contenido de la lección 1.1." in response.content.decode()
    assert any("wagtailcore_site" in q["sql"] for q in first.captured_queries)
    assert not any("wagtailcore_site" in q["sql"] for q in second.captured_queries)
    assert len(second.captured_queries) < len(first.captured_queries)


def test_an_unpublished_lesson_is_not_served_from_a_cached_route(client):
    course = build_course()
    lesson = lessons_of(course)[0]
    url = lesson.url
    enrolled_client(client, course)
    assert client.get(url).status_code == 200
    lesson.unpublish()
    assert client.get(url).status_code == 404


def test_a_cached_route_still_checks_who_is_asking(client):
    course = build_course()
    lesson = lessons_of(course)[0]
    enrolled_client(client, course)
    assert client.get(lesson.url).status_code == 200
    client.force_login(UserFactory())  # not enrolled
    response = client.get(lesson.url)
    assert response.status_code == 302 and response["Location"] == course.url
    client.logout()
    assert client.get(lesson.url).status_code == 302


def test_edited_content_shows_at_once_through_a_cached_route(client):
    course = build_course()
    lesson = lessons_of(course)[0]
    enrolled_client(client, course)
    assert client.get(lesson.url).status_code == 200
    lesson.body = [("text", "<p>Texto corregido.</p>")]
    lesson.save_revision().publish()
    assert "Texto corregido." in client.get(lesson.url).content.decode()


def test_a_renamed_quiz_shows_at_once_in_a_lesson_served_from_the_cache(client):
    course = build_course()
    lesson = lessons_of(course)[0]
    quiz = Quiz.objects.create(course=course, title="Prueba de entrada", kind=Quiz.Kind.PRE)
    lesson.body = [("quiz", {"quiz": quiz, "intro": ""})]
    lesson.save_revision().publish()
    enrolled_client(client, course)
    for _ in range(3):  # the route, then the page itself, are cached
        assert "Prueba de entrada" in client.get(lesson.url).content.decode()
    quiz.title = "Prueba inicial"
    quiz.save()
    body = client.get(lesson.url).content.decode()
    assert "Prueba inicial" in body and "Prueba de entrada" not in body


def test_the_second_visit_already_reads_the_page_row_from_the_cache(client):
    course = build_course()
    lesson = lessons_of(course)[0]
    enrolled_client(client, course)
    assert client.get(lesson.url).status_code == 200  # routed by Wagtail: route and page row are cached
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lesson.url).status_code == 200
        counts.append(queries.captured_queries)
    assert not any("wagtailcore_page" in q["sql"] and "pageviewrestriction" not in q["sql"] for q in counts[0])
    assert len(counts[0]) == len(counts[1])


def test_a_lesson_served_from_the_cache_reads_its_quiz_row_once_until_the_quiz_changes(client):
    course = build_course()
    lesson = lessons_of(course)[0]
    quiz = Quiz.objects.create(course=course, title="Prueba de entrada", kind=Quiz.Kind.PRE)
    lesson.body = [("quiz", {"quiz": quiz, "intro": ""})]
    lesson.save_revision().publish()
    enrolled_client(client, course)
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as warm:
        assert "Prueba de entrada" in client.get(lesson.url).content.decode()
    assert not any('FROM "quizzes_quiz"' in q["sql"] for q in warm.captured_queries)
    Quiz.objects.filter(pk=quiz.pk).delete()
    assert "Prueba de entrada" not in client.get(lesson.url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_tree_stamp_changes_again_when_the_change_commits():
    """A reader between the save and the commit may cache the old rows under the stamp of the save: the stamp
    made at the commit leaves them behind, in this process and in the others that share the cache."""
    from django.db import transaction

    from cms.page_cache import tree_version

    course = build_course(modules=1, lessons_per_module=1)
    before = tree_version()
    with transaction.atomic():
        course.title = "Otro título"
        course.save()
        during = tree_version()
    assert during != before
    assert tree_version() not in (before, during)
