"""A learner plays an H5P activity in a lesson; the frame is isolated on its own origin."""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from lms.courses.models import Enrolment, LessonPage
from lms.grades.models import Grade
from lms.h5p.services import h5p_package_import
from tests.browser.conftest import accept_current_consent, consent_ensure, login, wagtail_site_ensure
from tests.factories import UserFactory, build_course, lessons_of

# Beside the project (../shared/fixtures/h5p); SEMILLA_H5P_FIXTURES points elsewhere (a git worktree).
FIXTURES = Path(
    os.environ.get("SEMILLA_H5P_FIXTURES") or Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "h5p"
)
PASSWORD = "clave-segura-123"


@pytest.fixture
def two_origins(settings, live_server, tmp_path):
    """Main site on localhost, H5P content on 127.0.0.1: same server, two browser origins."""
    main = live_server.url
    content = main.replace("localhost", "127.0.0.1")
    settings.WAGTAILADMIN_BASE_URL = main
    settings.H5P_CONTENT_ORIGIN = content
    settings.H5P_ROOT = tmp_path / "h5p"
    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"], "frame-src": ["'self'", content]}
    settings.CONTENT_SECURITY_POLICY = policy
    return main, content


@pytest.fixture
def lesson_with_activity(two_origins):
    wagtail_site_ensure()
    consent_ensure()
    with (FIXTURES / "valid" / "true-false.h5p").open("rb") as upload:
        activity = h5p_package_import(upload=upload)[0]
    course = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    lesson.body = [("text", "<p>Lee y responde.</p>"), ("h5p", {"activity": activity, "intro": "Practica."})]
    lesson.save()
    learner = UserFactory(role="aprendiz")
    accept_current_consent(learner)
    Enrolment.objects.create(user=learner, course=course)
    return activity, LessonPage.objects.get(pk=lesson.pk), learner, course


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_learner_answers_an_h5p_activity_and_the_score_reaches_the_gradebook(
    page, live_server, two_origins, lesson_with_activity
):
    activity, lesson, learner, course = lesson_with_activity
    main, content = two_origins
    login(page, live_server, learner.username, PASSWORD)
    page.goto(f"{main}{lesson.url}")
    load = page.get_by_role("link", name=re.compile(r"Cargar actividad \(\d+,\d MB\)"))
    assert page.locator("iframe").count() == 0, "the activity must not load before the learner asks"
    load.click()

    player = page.frame_locator("iframe.h5p-frame")
    activity_frame = player.frame_locator("iframe").first
    activity_frame.get_by_text("True", exact=True).click()
    activity_frame.get_by_role("button", name=re.compile("Check|Comprobar", re.I)).first.click()
    page.get_by_text("Guardamos tu resultado.").wait_for()

    grade = Grade.objects.get(user=learner, item__source_kind="h5p", item__source_id=activity.pk)
    assert grade.score in (Decimal("0"), Decimal("100"))
    page.goto(f"{main}/calificaciones/curso/{course.pk}/")
    assert activity.title in page.content()
    assert "informado por el navegador" in page.content()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_script_in_the_activity_frame_cannot_read_the_lesson_page(
    page, live_server, two_origins, lesson_with_activity
):
    _activity, lesson, learner, _course = lesson_with_activity
    main, content = two_origins
    login(page, live_server, learner.username, PASSWORD)
    page.goto(f"{main}{lesson.url}")
    page.get_by_role("link", name=re.compile("Cargar actividad")).click()
    page.wait_for_function("() => document.querySelector('iframe.h5p-frame')")
    frame = page.frame_locator("iframe.h5p-frame").locator("#h5p-container")
    frame.wait_for(state="attached")
    player = next(f for f in page.frames if f.url.startswith(content))
    outcome = player.evaluate(
        "() => { try { return window.parent.document.body.innerHTML.length; } catch (e) { return e.name; } }"
    )
    assert outcome == "SecurityError"
    cookies = player.evaluate("() => document.cookie")
    assert "sessionid" not in cookies


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_signed_urls_fail_when_tampered_with_expired_or_used_by_another_learner(
    page, browser, live_server, two_origins, lesson_with_activity, settings
):
    activity, lesson, learner, course = lesson_with_activity
    main, content = two_origins
    login(page, live_server, learner.username, PASSWORD)
    opened = page.request.get(f"{main}/h5p/{activity.pk}/leccion/{lesson.pk}/abrir/", max_redirects=0)
    player_url = opened.headers["location"]
    token = player_url.rstrip("/").rsplit("/", 1)[-1]
    assert page.request.get(f"{player_url}paquete/h5p.json").status == 200

    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    assert page.request.get(f"{content}/h5p-contenido/{forged}/paquete/h5p.json").status == 403

    other = UserFactory(role="aprendiz")
    accept_current_consent(other)
    Enrolment.objects.create(user=other, course=course)
    other_context = browser.new_context()
    other_page = other_context.new_page()
    login(other_page, live_server, other.username, PASSWORD)
    other_page.goto(f"{main}{lesson.url}")
    csrf = next(c["value"] for c in other_context.cookies() if c["name"] == "csrftoken")
    statement = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "x"},
        "result": {"score": {"raw": 1, "max": 1}},
    }
    stolen = other_page.request.post(
        f"{main}/h5p/{activity.pk}/leccion/{lesson.pk}/xapi/",
        data={"token": token, "statement": statement},
        headers={"X-CSRFToken": csrf, "Referer": main + "/"},
    )
    assert stolen.status == 403
    other_context.close()

    settings.H5P_URL_MAX_AGE_SECONDS = 0
    page.wait_for_timeout(1100)
    assert page.request.get(f"{player_url}paquete/h5p.json").status == 403
