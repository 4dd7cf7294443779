"""The quiz page's optional script saves the draft when an answer changes, posting with the shared CSRF token."""

import pytest
from playwright.sync_api import expect

from lms.courses.services import enrolment_create
from lms.quizzes.models import Question, QuizAttempt
from lms.quizzes.services import question_create, quiz_attempt_start, quiz_create
from tests.browser.conftest import accept_current_consent, consent_ensure, login, wagtail_site_ensure
from tests.factories import UserFactory, build_course, lessons_of


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_choosing_an_answer_saves_the_draft_without_a_button(page, live_server):
    wagtail_site_ensure()
    consent_ensure()
    course = build_course(title="Ahorro para tu negocio", modules=1, lessons_per_module=1)
    question = question_create(
        course=course,
        kind=Question.Kind.SINGLE,
        prompt="¿Qué es un presupuesto?",
        choices=[("Un plan de ingresos y gastos", True, ""), ("Un préstamo", False, "")],
    )
    quiz = quiz_create(course=course, title="Repaso de ahorro", questions=[question])
    lesson = lessons_of(course)[0]
    lesson.body = [("quiz", {"quiz": quiz, "intro": ""})]
    lesson.save()
    learner = UserFactory(username="lucia", role="aprendiz")
    accept_current_consent(learner)
    enrolment_create(user=learner, course=course)
    attempt = quiz_attempt_start(user=learner, quiz=quiz, lesson=lesson)

    login(page, live_server, "lucia", "clave-segura-123")
    page.goto(f"{live_server.url}/cuestionarios/intento/{attempt.pk}/")
    page.get_by_label("Un plan de ingresos y gastos").check()
    expect(page.locator("#autoguardado")).to_have_text("Respuestas guardadas.")  # the server's answer
    assert str(question.pk) in QuizAttempt.objects.get(pk=attempt.pk).draft
