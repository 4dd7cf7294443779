"""Offline packs on her own phone: download a module, go offline, read a lesson, mark it and answer the quiz,
come back online, and the outbox is graded once."""

import re

import pytest
from playwright.sync_api import expect

from lms.courses.models import LessonCompletion, LessonPage
from lms.courses.services import enrolment_create
from lms.offline.models import OutboxReceipt
from lms.quizzes.models import QuizAttempt
from lms.quizzes.services import quiz_create
from tests.browser.conftest import (
    accept_current_consent,
    assert_accessible,
    consent_ensure,
    login,
    wagtail_site_ensure,
)
from tests.factories import UserFactory, build_course, lessons_of
from tests.lms.quizzes.conftest import make_questions, put_quiz_in_lesson

OUTBOX_COUNT = """() => new Promise(resolve => {
    const open = indexedDB.open("semilla-offline", 1);
    open.onsuccess = () => {
        const count = open.result.transaction("outbox").objectStore("outbox").count();
        count.onsuccess = () => resolve(count.result);
    };
})"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_module_studied_offline_is_graded_once_back_online(phone_context, live_server):
    wagtail_site_ensure()
    consent_ensure()
    course = build_course(title="Ahorro", modules=1, lessons_per_module=2)
    plain, with_quiz = lessons_of(course)
    questions = make_questions(course)
    quiz = quiz_create(course=course, title="Repaso de ahorro", questions=[questions["unica"], questions["vf"]])
    put_quiz_in_lesson(with_quiz, quiz)
    learner = UserFactory(username="rosa", role="aprendiz")
    accept_current_consent(learner)
    enrolment_create(user=learner, course=course)
    module = plain.get_parent()

    page = phone_context.new_page()
    login(page, live_server, "rosa", "clave-segura-123")
    page.goto(f"{live_server.url}{module.url}")
    page.get_by_role("button", name="Este es mi teléfono").click()
    download = page.get_by_role("link", name="Descargar para estudiar sin conexión")
    expect(download).to_contain_text("MB · aprox. USD")
    assert_accessible(page)
    download.click()
    expect(page.get_by_role("status")).to_contain_text("guardados en tu teléfono", timeout=15000)

    page.goto(f"{live_server.url}/aprender/mis-descargas/")
    expect(page.locator("#mis-descargas li.card")).to_contain_text("Módulo 1")
    assert_accessible(page)
    page.wait_for_function("navigator.serviceWorker.controller !== null || location.reload()", timeout=15000)

    phone_context.set_offline(True)
    page.goto(f"{live_server.url}/aprender/paquetes/{module.id}/leccion/{plain.id}/")
    expect(page.get_by_role("heading", name=plain.title)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Marcar como completada").click()
    expect(page.get_by_role("status")).to_contain_text("Se enviará cuando tengas conexión")
    page.goto(f"{live_server.url}/aprender/paquetes/{module.id}/leccion/{with_quiz.id}/")
    page.get_by_label("Un plan de ingresos y gastos").check()
    page.get_by_label("Verdadero").check()
    page.get_by_role("button", name="Guardar mis respuestas").click()
    expect(page.get_by_role("status")).to_contain_text("Se enviará cuando tengas conexión")
    assert not LessonCompletion.objects.exists() and not QuizAttempt.objects.exists()

    # Still offline: "Mis descargas" opens from the pack; coming back online sends the outbox from this page.
    page.goto(f"{live_server.url}/aprender/mis-descargas/")
    expect(page.locator("#mis-descargas li.card")).to_contain_text("Módulo 1")
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "sincronizar" in r.url else None)
    phone_context.set_offline(False)
    results = page.locator("#resultados-sin-conexion")
    expect(results).to_contain_text("obtuviste 100", timeout=20000)
    expect(results).to_contain_text("Lección completada")
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert LessonCompletion.objects.filter(user=learner).count() == 2
    page.reload()  # a second load sends nothing: the outbox on the phone is empty
    expect(page.locator("#resultados-sin-conexion")).to_contain_text("obtuviste 100")
    assert page.evaluate(OUTBOX_COUNT) == 0
    assert len(sent) == 1
    assert OutboxReceipt.objects.filter(user=learner).count() == 2
    assert QuizAttempt.objects.filter(user=learner).count() == 1

    # An update fetches only what changed, and says how much.
    lesson = LessonPage.objects.get(pk=plain.pk)
    lesson.body = [("text", "<p>Una versión nueva de la lección.</p>")]
    lesson.save_revision().publish()
    page.goto(f"{live_server.url}{module.url}")
    page.get_by_role("link", name="Descargar para estudiar sin conexión").click()
    expect(page.get_by_role("status")).to_contain_text(
        re.compile(r"Paquete actualizado: se descargaron \d+ KB de \d+ KB"), timeout=15000
    )
