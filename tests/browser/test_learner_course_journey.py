"""Journey 1: a new learner signs up, takes a course, fails and then passes its quiz, and gets a certificate."""

import re

import pytest

from lms.quizzes.models import Question
from lms.quizzes.services import question_create, quiz_create
from tests.browser.conftest import assert_accessible, consent_ensure, wagtail_site_ensure
from tests.factories import build_course, lessons_of


@pytest.fixture
def course(db):
    """One module, two lessons; the second holds a two-question quiz (pass mark 60, 3 attempts)."""
    wagtail_site_ensure()
    consent_ensure()
    course = build_course(title="Ahorro para tu negocio", modules=1, lessons_per_module=2)
    questions = [
        question_create(
            course=course,
            kind=Question.Kind.SINGLE,
            prompt="¿Qué es un presupuesto?",
            choices=[("Un plan de ingresos y gastos", True, ""), ("Un préstamo", False, "")],
        ),
        question_create(
            course=course,
            kind=Question.Kind.SINGLE,
            prompt="¿Dónde conviene guardar el ahorro?",
            choices=[("En una cuenta de ahorros", True, ""), ("En el bolsillo", False, "")],
        ),
    ]
    quiz = quiz_create(course=course, title="Repaso de ahorro", questions=questions)
    last = lessons_of(course)[-1]
    last.body = [("text", "<p>Repasa lo aprendido.</p>"), ("quiz", {"quiz": quiz, "intro": ""})]
    last.save()
    return course


def _sign_up(page, live_server) -> None:
    page.goto(f"{live_server.url}/cuenta/registro/")
    assert_accessible(page)
    page.fill("input[name=username]", "lucia.mendoza")
    page.fill("input[name=first_name]", "Lucía")
    page.fill("input[name=last_name]", "Mendoza")
    page.fill("input[name=password1]", "semillas-de-cacao-7")
    page.fill("input[name=password2]", "semillas-de-cacao-7")
    page.check("input[name=consent]")
    with page.expect_navigation():
        page.get_by_role("button", name="Crear mi cuenta").click()
    assert "/cuenta/perfil/" in page.url, page.content()
    assert "Tu cuenta está lista" in page.content()
    assert_accessible(page)


def _answer_quiz(page, answers: list[str]) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Comenzar|Intentar de nuevo")).click()
    assert "/cuestionarios/intento/" in page.url
    assert_accessible(page)
    for answer in answers:
        page.get_by_label(answer).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Enviar respuestas").click()
    assert "/resultado/" in page.url
    assert_accessible(page)


def _learner_journey(page, live_server, browser, course) -> None:
    _sign_up(page, live_server)

    page.goto(f"{live_server.url}{course.url}")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Inscribirme").click()
    assert "Te inscribiste en el curso" in page.content()
    assert_accessible(page)

    # Lesson 1: read it and mark it done; the app moves on to lesson 2.
    with page.expect_navigation():
        page.get_by_role("link", name="Continuar donde lo dejé").click()
    assert page.locator("h1").inner_text() == "Lección 1.1"
    assert "Contenido de la lección 1.1." in page.content()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Marcar como completada").click()
    assert page.locator("h1").inner_text() == "Lección 1.2"
    assert "Esta lección se completa al aprobar su cuestionario." in page.content()
    assert_accessible(page)

    # Lesson 2's quiz: both answers wrong, then both right.
    _answer_quiz(page, ["Un préstamo", "En el bolsillo"])
    assert "Esta vez no aprobaste" in page.content()
    assert "Intentos usados: 1 de 3." in page.content()
    _answer_quiz(page, ["Un plan de ingresos y gastos", "En una cuenta de ahorros"])
    assert "¡Aprobaste!" in page.content()

    with page.expect_navigation():
        page.get_by_role("link", name="Volver a la lección").click()
    assert "Completaste esta lección." in page.content()
    page.goto(f"{live_server.url}{course.url}")
    assert "¡Completaste este curso!" in page.content()

    # The certificate was issued when the course was completed.
    page.goto(f"{live_server.url}/certificados/")
    assert "Ahorro para tu negocio" in page.content()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar PDF").click()
    download = download_info.value
    assert download.suggested_filename.startswith("certificado-")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Anyone holding the code (an employer, a bank) can check it without an account.
    verify_url = page.get_by_role("link", name="Ver la página de verificación").get_attribute("href")
    stranger = browser.new_context(locale="es-EC")
    try:
        public = stranger.new_page()
        response = public.goto(f"{live_server.url}{verify_url}")
        assert response.status == 200
        assert "Certificado válido" in public.content()
        assert "Lucía Mendoza" in public.content()
        assert "Ahorro para tu negocio" in public.content()
        assert_accessible(public)
    finally:
        stranger.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_new_learner_completes_a_course_and_gets_a_verifiable_certificate(page, live_server, browser, course):
    _learner_journey(page, live_server, browser, course)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_same_journey_works_on_a_phone(phone_page, live_server, browser, course):
    _learner_journey(phone_page, live_server, browser, course)
