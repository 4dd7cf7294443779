"""The lesson page renders its text and callout blocks once for everyone (lms/courses/templatetags/lesson_body.py):
the same HTML as before, an edit shows at once, and nothing personal or outside the page tree is cached."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from cms.page_cache import tree_version
from lms.courses.models import LessonPage
from lms.courses.services import enrolment_cancel, enrolment_create
from lms.courses.templatetags.lesson_body import _cacheable, block_cache_key
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

BODY = [
    ("text", '<p>Anota <b>cada</b> gasto.</p><p><a href="https://example.org/x">Más</a></p>'),
    ("callout", {"kind": "warning", "title": "Cuidado", "text": "Los gastos\n\nque se esconden."}),
    ("callout", {"kind": "tip", "title": "", "text": "Usa un cuaderno."}),
]


INCLUDE_BLOCK = "{% load wagtailcore_tags %}{% for block in page.body %}{% include_block block %}{% endfor %}"


def lesson_with(body) -> LessonPage:
    course = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    lesson.body = body
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def learner_in(lesson, client):
    learner = UserFactory(role="aprendiz")
    enrolment_create(user=learner, course=lesson.get_parent().get_parent().specific)
    client.force_login(learner)
    return learner


def rendered(source: str, lesson) -> str:
    request = RequestFactory().get("/")
    request.user = UserFactory()
    return Template(source).render(Context({"page": lesson, "request": request}))


def test_it_renders_the_same_html_as_include_block_cold_and_warm():
    lesson = lesson_with(BODY)
    before = rendered(INCLUDE_BLOCK, lesson)
    cold = rendered("{% load lesson_body %}{% lesson_body page %}", lesson)
    warm = rendered("{% load lesson_body %}{% lesson_body page %}", LessonPage.objects.get(pk=lesson.pk))
    assert before == cold == warm
    assert "<b>cada</b>" in warm and "Cuidado" in warm


def test_a_warm_lesson_reads_its_text_from_the_cache(client):
    lesson = lesson_with(BODY)
    learner_in(lesson, client)
    client.get(lesson.url)
    for raw in lesson.body.raw_data:
        assert cache.get(block_cache_key(raw, tree_version())) is not None


def test_an_edited_text_shows_at_once(client):
    lesson = lesson_with(BODY)
    learner_in(lesson, client)
    assert "Anota" in client.get(lesson.url).content.decode()
    lesson.body = [("text", "<p>Revisa tu presupuesto cada mes.</p>"), *BODY[1:]]
    lesson.save_revision().publish()
    page = client.get(lesson.url).content.decode()
    assert "Revisa tu presupuesto cada mes." in page and "Anota" not in page


def test_text_that_links_a_document_or_embeds_an_image_is_not_cached():
    """Their URLs change without the page tree (a renamed file, a new rendition)."""
    assert _cacheable({"type": "text", "value": '<p><a linktype="document" id="3">Plantilla</a></p>'}) is False
    assert _cacheable({"type": "text", "value": '<embed embedtype="image" id="4" format="left"/>'}) is False
    assert _cacheable({"type": "text", "value": '<p><a linktype="page" id="5">Lección</a></p>'}) is True
    assert _cacheable({"type": "callout", "value": {"kind": "tip", "title": "", "text": "Hola"}}) is True
    assert _cacheable({"type": "quiz", "value": {"quiz": 1, "intro": ""}}) is False
    assert _cacheable({"type": "image", "value": {"image": 1, "alt": "x", "caption": ""}}) is False


def test_an_unenrolled_learner_is_refused_the_lesson_at_once(client):
    lesson = lesson_with(BODY)
    learner = learner_in(lesson, client)
    assert client.get(lesson.url).status_code == 200
    course = lesson.get_parent().get_parent().specific
    enrolment_cancel(enrolment=learner.enrolments.get(course=course), actor=learner)
    response = client.get(lesson.url)
    assert response.status_code == 302 and response["Location"] == course.url


def test_a_warm_plain_lesson_takes_five_queries(client):
    """Session (cached), person with roles, privacy rules, completions, enrolment, and the last-lesson write."""
    lesson = lesson_with(BODY)
    learner_in(lesson, client)
    client.get(lesson.url)
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200
    sql = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(sql) <= 5, "\n".join(s[:120] for s in sql)
