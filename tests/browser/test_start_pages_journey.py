"""Journeys: each role signs in, lands on its start page and reaches every page its work needs by clicking
(learners and jurors on a phone, coordinators and mentors on a desktop), each page passing axe-core."""

import pytest

from cms.accounts.services import role_permissions_ensure
from tests.browser.conftest import (
    accept_current_consent,
    assert_accessible,
    consent_ensure,
    login,
    wagtail_site_ensure,
)
from tests.start_scenario import PASSWORD, start_scenario


@pytest.fixture
def scenario(db):
    wagtail_site_ensure()
    role_permissions_ensure()  # a flush between transactional tests removes the role groups' permissions
    consent_ensure()
    built = start_scenario()
    for person in (built.learner, built.mentor, built.coordinator, built.juror):
        accept_current_consent(person)
    return built


def _sign_in(page, live_server, user) -> None:
    login(page, live_server, user.username, PASSWORD)
    assert page.url == f"{live_server.url}/inicio/", page.url
    assert_accessible(page)


def _open(page, locator, *, url_part: str) -> None:
    """Click a link, wait for the page it leads to and check it with axe-core."""
    with page.expect_navigation():
        locator.click()
    assert url_part in page.url, page.url
    assert_accessible(page)


def _tile(page, key: str):
    return page.locator(f"#inicio-{key}")


def _home(page) -> None:
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name="Mi inicio").click()
    assert page.url.endswith("/inicio/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_learner_reaches_her_courses_certificates_grades_venture_and_sessions(phone_page, live_server, scenario):
    page, s = phone_page, scenario
    _sign_in(page, live_server, s.learner)

    _open(page, _tile(page, "mis-cursos").get_by_role("link", name=s.course.title), url_part=s.course.url)
    assert "¡Completaste este curso!" in page.content()
    _open(page, page.get_by_role("link", name="Ver mi certificado"), url_part="/certificados/")
    assert s.course.title in page.content()
    _home(page)
    _open(page, _tile(page, "mis-cursos").get_by_role("link", name="Ver todos mis cursos"), url_part="/aprender/")
    _open(
        page,
        page.get_by_role("link", name=f"Mis calificaciones en «{s.course.title}»"),
        url_part=f"/calificaciones/curso/{s.course.pk}/",
    )
    _home(page)
    _open(page, _tile(page, "mis-certificados").get_by_role("link", name="Mis certificados"), url_part="/certificados/")
    _home(page)
    _open(
        page,
        _tile(page, "mis-calificaciones").get_by_role("link", name=s.course.title),
        url_part=f"/calificaciones/curso/{s.course.pk}/",
    )
    _home(page)
    _open(
        page,
        _tile(page, "mis-emprendimientos").get_by_role("link", name=s.venture.name),
        url_part=f"/emprendimientos/{s.venture.pk}/",
    )
    _home(page)
    _open(
        page,
        _tile(page, "proximas-mentorias").get_by_role("link", name="Ver todas mis mentorías"),
        url_part="/mentorias/",
    )
    assert s.session.topic in page.content()
    _home(page)
    _open(page, _tile(page, "incubadora").get_by_role("link", name=s.cohort.name), url_part="/mi-cupo/")
    _home(page)
    _open(
        page,
        _tile(page, "mis-resultados-pitch").get_by_role("link", name="Mis resultados del pitch"),
        url_part="/pitch/mi-resultado/",
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_reaches_applications_board_overdue_gradebook_and_events(page, live_server, scenario):
    s = scenario
    _sign_in(page, live_server, s.coordinator)

    _open(
        page,
        _tile(page, "postulaciones").get_by_role("link", name=s.cohort.name),
        url_part=f"/cohortes/{s.cohort.pk}/postulaciones/",
    )
    assert s.applicant.display_name in page.content()
    _open(page, page.get_by_role("link", name="Ver el tablero"), url_part=f"/cohortes/{s.cohort.pk}/tablero/")
    _home(page)
    _open(page, _tile(page, "hitos-atrasados").get_by_role("link").first, url_part=f"/hitos/{s.milestone.pk}/")
    _home(page)
    _open(
        page,
        _tile(page, "calificaciones-por-curso").get_by_role("link", name=s.course.title),
        url_part=f"/calificaciones/curso/{s.course.pk}/todos/",
    )
    _home(page)
    _open(
        page,
        _tile(page, "eventos-de-pitch").get_by_role("link", name=s.event.name),
        url_part=f"/eventos/{s.event.pk}/preparar/",
    )
    _home(page)

    # The back office: the cohort listing leads to the applications, the course to its gradebook.
    _open(
        page, _tile(page, "postulaciones").get_by_role("link", name="Cohortes en la administración"), url_part="/admin/"
    )
    _open(page, page.get_by_role("link", name="1 por revisar"), url_part=f"/cohortes/{s.cohort.pk}/postulaciones/")
    page.goto(f"{live_server.url}/admin/pages/{s.course.pk}/edit/")
    assert_accessible(page)
    page.locator("#w-slim-header-buttons").get_by_role("button", name="Acciones").click()
    _open(
        page,
        page.locator("#w-slim-header-buttons").get_by_role("link", name="Calificaciones"),
        url_part=f"/calificaciones/curso/{s.course.pk}/todos/",
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_mentor_reaches_reviews_ventures_sessions_and_gradebooks(page, live_server, scenario):
    s = scenario
    _sign_in(page, live_server, s.mentor)

    _open(page, _tile(page, "hitos-por-revisar").get_by_role("link").first, url_part=f"/hitos/{s.milestone.pk}/")
    _home(page)
    _open(
        page,
        _tile(page, "hitos-por-revisar").get_by_role("link", name="Emprendimientos que acompañas"),
        url_part="/emprendimientos/",
    )
    assert s.venture.name in page.content()
    _home(page)
    _open(
        page,
        _tile(page, "proximas-mentorias").get_by_role("link", name="Ver todas mis mentorías"),
        url_part="/mentorias/",
    )
    _home(page)
    _open(
        page,
        _tile(page, "proximas-mentorias").get_by_role("link", name="Programar una sesión"),
        url_part="/mentorias/nueva/",
    )
    _home(page)
    _open(
        page,
        _tile(page, "calificaciones-por-curso").get_by_role("link", name=s.course.title),
        url_part=f"/calificaciones/curso/{s.course.pk}/todos/",
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_juror_reaches_the_pitches_to_score(phone_page, live_server, scenario):
    page, s = phone_page, scenario
    _sign_in(page, live_server, s.juror)

    _open(page, _tile(page, "pitches-por-calificar").locator("ul a").first, url_part="/conflicto/")
    _home(page)
    _open(
        page,
        _tile(page, "pitches-por-calificar").get_by_role("link", name="Ver todos mis pitches"),
        url_part="/pitch/jurado/",
    )
    assert s.event.name in page.content()
