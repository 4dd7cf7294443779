"""The load benchmarks' own pieces (bench/loadlib.py, bench/learners.py, bench/login_burst.py), so they cannot
break silently: the simulated learners and their sessions, the figures, the tables and what the client reads
from the pages. Nothing here is timed; the benchmarks themselves run in `make bench`."""

import os
import random
import socket
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from cms.accounts.models import ConsentVersion, User
from lms.courses.models import Enrolment, LessonCompletion
from tests.factories import build_course, lessons_of

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import learners  # noqa: E402
import loadlib  # noqa: E402
import login_burst  # noqa: E402

# --- Figures and tables (pure) ----------------------------------------------------------------


def test_percentile_is_the_nearest_measured_rank():
    values = [i / 1000 for i in range(100, 0, -1)]  # 0.001 .. 0.100 s, unsorted
    assert loadlib.percentile(values, 50) == 0.050
    assert loadlib.percentile(values, 95) == 0.095
    assert loadlib.percentile(values, 99) == 0.099
    assert loadlib.percentile(values, 100) == 0.100
    assert loadlib.percentile([0.2], 95) == 0.2
    assert loadlib.percentile([], 95) == 0.0
    # Three values: p95 is the slowest, never a value between two measurements.
    assert loadlib.percentile([0.3, 0.1, 0.2], 95) == 0.3


def test_budgets_are_strict_and_count_errors_and_empty_runs():
    fast = [0.1] * 99 + [0.5]
    rows = loadlib.latency_budgets(fast, 0, p95_ms=300, p99_ms=1000)
    assert [b.ok for b in rows] == [True, True, True, True]
    at_the_budget = loadlib.latency_budgets([0.3] * 100, 0, p95_ms=300, p99_ms=1000)
    assert [b.label for b in at_the_budget if not b.ok] == ["p95 < 300 ms"]
    assert not loadlib.latency_budgets(fast, 1, p95_ms=300, p99_ms=1000)[-1].ok
    assert not all(b.ok for b in loadlib.latency_budgets([], 0, p95_ms=300, p99_ms=1000))


def test_markdown_tables():
    table = loadlib.markdown_table(["clic", "peticiones"], [("lección", 3)], right=(1,))
    assert table.splitlines() == ["| clic | peticiones |", "|---|---:|", "| lección | 3 |"]
    budgets = loadlib.budget_table([loadlib.Budget("0 errores", "2", False)])
    assert budgets.splitlines()[-1] == "| 0 errores | 2 | FAIL |"


def test_summary_rows_per_click_and_in_all():
    samples = [
        learners.Sample("lección", 0.0, 0.1, True),
        learners.Sample("lección", 1.0, 0.3, False),
        learners.Sample("curso", 2.0, 0.2, True),
    ]
    rows = learners.summary_rows(samples, seconds=2.0)
    assert rows[0][:4] == ("lección", 2, 1, "0.5")
    assert rows[1][:4] == ("curso", 1, 0, "0.5")
    assert rows[-1][:4] == ("**total**", 3, 1, "1.0")
    assert rows[-1][4:] == ("200 ms", "300 ms", "300 ms")


def test_the_click_mix_is_seeded():
    first = [learners.choose(random.Random(7)) for _ in range(5)]
    assert first == [learners.choose(random.Random(7)) for _ in range(5)]
    assert set(learners.MIX) == {"lección", "completar", "curso", "mis cursos", "calificaciones"}


def test_set_cookie_headers_are_read_without_attributes():
    import httpx

    response = httpx.Response(
        302, headers=[("Set-Cookie", "csrftoken=abc; Path=/"), ("Set-Cookie", "sessionid=xyz; HttpOnly")]
    )
    assert login_burst.set_cookies(response) == {"csrftoken": "abc", "sessionid": "xyz"}
    assert login_burst.cookie_header({"a": "1", "b": "2"}) == "a=1; b=2"


def test_the_server_processes_are_found_by_their_port():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert os.getpid() in loadlib.pids_listening_on(port)
    assert loadlib.port_of("http://127.0.0.1:8080/x") == 8080
    assert loadlib.rss_kib(os.getpid()) > 0


# --- Simulated learners, made directly in the database ------------------------------------------


@pytest.fixture
def course(db):
    return build_course(modules=1, lessons_per_module=2)


def _cookies(client, person):
    client.cookies[settings.SESSION_COOKIE_NAME] = person.session_key


def test_simulated_learners_are_signed_in_enrolled_and_see_the_course(course, client):
    ConsentVersion.objects.create(version="2027-01", body="Texto vigente.")
    route = loadlib.course_route(course)
    made = loadlib.learners_ensure(3, prefix="carga", course_id=route.course_id)

    assert [m.username for m in made] == ["carga00001", "carga00002", "carga00003"]
    person = User.objects.get(username="carga00002")
    assert person.has_usable_password() is False
    assert Enrolment.objects.get(user=person, course=course).is_active
    _cookies(client, made[1])
    for path in (route.lesson_paths[0], route.course_path, route.my_courses_path, route.gradebook_path):
        response = client.get(path)
        assert response.status_code == 200, path  # signed in, consent accepted, enrolled
        assert response.wsgi_request.user == person


def test_the_lesson_form_is_found_and_its_post_completes_the_lesson(course, client):
    route = loadlib.course_route(course)
    made = loadlib.learners_ensure(1, prefix="carga", course_id=route.course_id)
    _cookies(client, made[0])
    page = client.get(route.lesson_paths[0]).content.decode()

    match = learners.FORM_RE.search(page)

    assert match is not None
    client_with_checks = client.__class__(enforce_csrf_checks=True)
    _cookies(client_with_checks, made[0])
    client_with_checks.cookies[settings.CSRF_COOKIE_NAME] = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client_with_checks.post(match["action"], {"csrfmiddlewaretoken": match["token"]})
    assert response.status_code == 302
    assert LessonCompletion.objects.filter(user__username="carga00001", lesson=lessons_of(course)[0]).exists()


def test_making_them_again_reuses_them_with_new_sessions_and_clears_their_progress(course, client):
    route = loadlib.course_route(course)
    first = loadlib.learners_ensure(2, prefix="carga", course_id=route.course_id)
    person = User.objects.get(username="carga00001")
    LessonCompletion.objects.create(user=person, lesson=lessons_of(course)[0], course=course)
    Enrolment.objects.filter(user=person).update(status=Enrolment.Status.CANCELLED)

    again = loadlib.learners_ensure(3, prefix="carga", course_id=route.course_id, password="clave-de-prueba-17")

    assert User.objects.filter(username__startswith="carga").count() == 3
    assert {m.session_key for m in again}.isdisjoint({m.session_key for m in first})
    assert not LessonCompletion.objects.filter(user=person).exists()
    assert Enrolment.objects.get(user=person, course=course).is_active
    assert User.objects.get(username="carga00003").check_password("clave-de-prueba-17")
    for made in again:  # each new session belongs to its person (the session hash follows the password)
        client.cookies[settings.SESSION_COOKIE_NAME] = made.session_key
        response = client.get(route.lesson_paths[0])
        assert response.status_code == 200
        assert response.wsgi_request.user.username == made.username


def test_burst_learners_sign_in_through_the_form_without_a_session(course, client):
    route = loadlib.course_route(course)
    made = loadlib.learners_ensure(
        1, prefix="entrada", course_id=route.course_id, password=login_burst.PASSWORD, with_sessions=False
    )
    assert made[0].session_key == ""
    form = client.get(login_burst.LOGIN_PATH).content.decode()
    assert login_burst.TOKEN_RE.search(form)
    response = client.post(login_burst.LOGIN_PATH, {"username": "entrada00001", "password": login_burst.PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home:dashboard")  # where login_burst expects to land


def test_no_simulated_learners_in_production(course, settings):
    settings.PRODUCTION = True
    with pytest.raises(SystemExit):
        loadlib.learners_ensure(1, prefix="carga", course_id=course.pk)
    assert not User.objects.filter(username__startswith="carga").exists()
