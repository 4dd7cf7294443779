"""One csrfToken() for the pages' fetch() posts (cms/static/semilla/csrf.js), loaded only by the pages that post.

The base layout no longer loads it: a page without a fetch() post (a plain lesson, the sign-in page) is one
request lighter. Each template that loads a posting script loads csrf.js right before it.
"""

import re
from pathlib import Path

import pytest

from lms.courses.services import enrolment_create
from tests.factories import UserFactory, build_course, lessons_of

ROOT = Path(__file__).resolve().parents[2]
POSTING_SCRIPTS = [
    "lms/quizzes/static/quizzes/autosave.js",
    "lms/h5p/static/h5p/lesson.js",
    "incubator/plans/static/plans/autosave.js",
    "incubator/jury/static/jury/sheet.js",
    "cms/static/semilla/offline.js",
]
CSRF_TAG = "{% static 'semilla/csrf.js' %}"


def static_name(path: str) -> str:
    """The name a template passes to {% static %}: the part after .../static/."""
    return path.split("/static/", 1)[1]


def templates_loading(script: str) -> list[Path]:
    tag = "{% static '" + static_name(script) + "' %}"
    return [
        template
        for area in ("cms", "lms", "incubator")
        for template in (ROOT / area).rglob("templates/**/*.html")
        if tag in template.read_text()
    ]


@pytest.mark.parametrize("path", POSTING_SCRIPTS)
def test_posting_scripts_use_the_shared_token_and_keep_no_copy(path):
    source = (ROOT / path).read_text()
    assert "Semilla.csrfToken(" in source
    assert "document.cookie" not in source and "function csrf" not in source


@pytest.mark.parametrize("path", POSTING_SCRIPTS)
def test_every_page_that_loads_a_posting_script_loads_csrf_js_before_it(path):
    templates = templates_loading(path)
    assert templates, f"no template loads {path}"
    script_tag = "{% static '" + static_name(path) + "' %}"
    for template in templates:
        source = template.read_text()
        assert CSRF_TAG in source, f"{template.relative_to(ROOT)} posts with fetch() but does not load csrf.js"
        assert source.index(CSRF_TAG) < source.index(script_tag)


def test_only_the_posting_pages_load_csrf_js():
    loading = {
        str(t.relative_to(ROOT))
        for area in ("cms", "lms", "incubator")
        for t in (ROOT / area).rglob("templates/**/*.html")
        if CSRF_TAG in t.read_text()
    }
    posting = {str(t.relative_to(ROOT)) for script in POSTING_SCRIPTS for t in templates_loading(script)}
    assert loading == posting


CSRF_SCRIPT = re.compile(r"<script[^>]+semilla/csrf\.[0-9a-f]*\.?js")


@pytest.mark.django_db
def test_the_sign_in_page_does_not_load_csrf_js(client):
    response = client.get("/cuenta/entrar/")
    assert response.status_code == 200
    assert not CSRF_SCRIPT.search(response.content.decode())


@pytest.mark.django_db
def test_a_lesson_without_fetch_posts_does_not_load_csrf_js(client):
    course = build_course()
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Marcar como completada" in body  # a plain form post, no fetch()
    assert "semilla/session." in body  # the other scripts still load
    assert not CSRF_SCRIPT.search(body)
