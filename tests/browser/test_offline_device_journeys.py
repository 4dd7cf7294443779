"""Offline packs and the device they live on: a browser closed and reopened offline keeps the outbox and it is
graded once; an altered pack is refused; a shared computer is left with nothing; on her own phone logout asks
what to keep and never throws away unsent answers without her say."""

import json

import pytest
from playwright.sync_api import expect

from lms.courses.services import enrolment_create
from lms.offline.models import OutboxReceipt
from lms.quizzes.models import QuizAttempt
from lms.quizzes.services import quiz_create
from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    accept_current_consent,
    assert_accessible,
    consent_ensure,
    login,
    wagtail_site_ensure,
)
from tests.factories import UserFactory, build_course, lessons_of
from tests.lms.quizzes.conftest import make_questions, put_quiz_in_lesson

PASSWORD = "clave-segura-123"
OUTBOX_COUNT = """() => new Promise((resolve, reject) => {
    const open = indexedDB.open("semilla-offline", 1);
    open.onsuccess = () => {
        const count = open.result.transaction("outbox").objectStore("outbox").count();
        count.onsuccess = () => { open.result.close(); resolve(count.result); };
    };
    open.onerror = () => reject(open.error);
})"""
# What the site left in this browser: Cache Storage, IndexedDB databases, service worker registrations.
LEFT_BEHIND = """async () => ({
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map(d => d.name),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""
PACKS = """async () => {
    if (!(await indexedDB.databases()).some(d => d.name === "semilla-offline")) { return 0; }
    return await new Promise(resolve => {
        const open = indexedDB.open("semilla-offline", 1);
        open.onsuccess = () => {
            const count = open.result.transaction("packs").objectStore("packs").count();
            count.onsuccess = () => { open.result.close(); resolve(count.result); };
        };
    });
}"""


def _course_with_a_quiz(username: str = "rosa"):
    """A course of one module: a plain lesson and a lesson with a two-question quiz; her, enrolled."""
    wagtail_site_ensure()
    consent_ensure()
    course = build_course(title="Ahorro", modules=1, lessons_per_module=2)
    plain, with_quiz = lessons_of(course)
    questions = make_questions(course)
    quiz = quiz_create(course=course, title="Repaso de ahorro", questions=[questions["unica"], questions["vf"]])
    put_quiz_in_lesson(with_quiz, quiz)
    learner = UserFactory(username=username, role="aprendiz")
    accept_current_consent(learner)
    enrolment_create(user=learner, course=course)
    return learner, plain.get_parent(), plain, with_quiz


def _download_on_her_phone(page, live_server, module) -> None:
    page.goto(f"{live_server.url}{module.url}")
    page.get_by_role("button", name="Este es mi teléfono").click()
    page.get_by_role("link", name="Descargar para estudiar sin conexión").click()
    expect(page.get_by_role("status")).to_contain_text("guardados en tu teléfono", timeout=15000)
    page.goto(f"{live_server.url}/aprender/mis-descargas/")
    expect(page.locator("#mis-descargas li.card")).to_contain_text("Módulo 1")
    page.wait_for_function("navigator.serviceWorker.controller !== null || location.reload()", timeout=15000)


def _answer_the_quiz_offline(page, live_server, module, lesson) -> None:
    page.goto(f"{live_server.url}/aprender/paquetes/{module.id}/leccion/{lesson.id}/")
    page.get_by_label("Un plan de ingresos y gastos").check()
    page.get_by_label("Verdadero").check()
    page.get_by_role("button", name="Guardar mis respuestas").click()
    expect(page.get_by_role("status")).to_contain_text("Se enviará cuando tengas conexión")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_answers_kept_offline_survive_closing_the_browser_and_are_graded_once(browser, live_server, tmp_path):
    learner, module, _plain, with_quiz = _course_with_a_quiz()

    def open_phone():
        phone = browser.browser_type.launch_persistent_context(
            user_data_dir=str(tmp_path / "perfil"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=PHONE,
            is_mobile=True,
            has_touch=True,
            locale="es-EC",
            timezone_id="America/Guayaquil",
            reduced_motion="reduce",
        )
        phone.set_default_timeout(10_000)
        return phone

    phone = open_phone()
    page = phone.pages[0] if phone.pages else phone.new_page()
    login(page, live_server, "rosa", PASSWORD)
    _download_on_her_phone(page, live_server, module)
    phone.set_offline(True)
    _answer_the_quiz_offline(page, live_server, module, with_quiz)
    assert page.evaluate(OUTBOX_COUNT) == 1
    phone.close()  # the browser is closed while offline, answers unsent

    phone = open_phone()
    try:
        phone.set_offline(True)
        page = phone.pages[0] if phone.pages else phone.new_page()
        page.goto(f"{live_server.url}/aprender/mis-descargas/")  # from the pack: no network
        expect(page.locator("#mis-descargas li.card")).to_contain_text("Módulo 1")
        assert page.evaluate(OUTBOX_COUNT) == 1
        assert not QuizAttempt.objects.exists()

        graded = []
        page.on(
            "response",
            lambda r: graded.append(r.status) if "sincronizar" in r.url and r.request.method == "POST" else None,
        )
        phone.set_offline(False)
        # The session ended with the browser (shared-computer rule): the outbox waits until she signs in again.
        expect(page.locator("#resultados-sin-conexion")).to_contain_text("Entra a tu cuenta", timeout=20000)
        assert page.evaluate(OUTBOX_COUNT) == 1
        login(page, live_server, "rosa", PASSWORD)
        page.goto(f"{live_server.url}/aprender/mis-descargas/")
        results = page.locator("#resultados-sin-conexion li")
        expect(results.filter(has_text="obtuviste 100")).to_have_count(1, timeout=20000)
        expect(results.filter(has_text="Entra a tu cuenta")).to_have_count(0)
        assert QuizAttempt.objects.filter(user=learner).count() == 1

        page.reload()  # a second sync sends nothing: the outbox on the phone is empty
        expect(page.locator("#resultados-sin-conexion li").filter(has_text="obtuviste 100")).to_have_count(1)
        assert page.evaluate(OUTBOX_COUNT) == 0
        assert graded.count(200) == 1
        assert OutboxReceipt.objects.filter(user=learner).count() == 1
        assert QuizAttempt.objects.filter(user=learner).count() == 1
    finally:
        phone.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_altered_pack_is_refused_and_nothing_is_kept(phone_context, live_server):
    _learner, module, plain, _with_quiz = _course_with_a_quiz()
    page = phone_context.new_page()
    login(page, live_server, "rosa", PASSWORD)
    page.goto(f"{live_server.url}{module.url}")
    page.get_by_role("button", name="Este es mi teléfono").click()
    download = page.get_by_role("link", name="Descargar para estudiar sin conexión")
    status = page.locator("[data-offline-download] ~ [role=status]")

    def altered_manifest(route):
        manifest = route.fetch().json()
        manifest["resources"][-1]["sha256"] = "0" * 64  # a swapped file, with a hash to match it
        route.fulfill(body=json.dumps(manifest), content_type="application/json")

    # Routed on the context, so requests made by the service worker are altered too.
    phone_context.route("**/manifiesto.json", altered_manifest)
    download.click()
    expect(status).to_have_text("El paquete no es válido. No se guardó nada.", timeout=15000)
    assert not [name for name in page.evaluate(LEFT_BEHIND)["caches"] if name.startswith("semilla-pack-")]
    assert page.evaluate(PACKS) == 0
    phone_context.unroute("**/manifiesto.json")

    lesson_url = f"**/aprender/paquetes/{module.id}/leccion/{plain.id}/"
    phone_context.route(
        lesson_url,
        lambda route: route.fulfill(
            body=route.fetch().text().replace(plain.title, "Lección cambiada"), content_type="text/html"
        ),
    )
    download.click()
    expect(status).to_have_text("Un archivo llegó dañado. Intenta de nuevo.", timeout=15000)
    assert not [name for name in page.evaluate(LEFT_BEHIND)["caches"] if name.startswith("semilla-pack-")]
    assert page.evaluate(PACKS) == 0
    phone_context.unroute(lesson_url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_shared_computer_gets_no_pack_and_logout_leaves_nothing(context, live_server):
    _learner, module, _plain, _with_quiz = _course_with_a_quiz()
    page = context.new_page()
    login(page, live_server, "rosa", PASSWORD)
    page.goto(f"{live_server.url}{module.url}")
    expect(page.get_by_role("button", name="Este es mi teléfono")).to_be_visible()
    expect(page.get_by_role("link", name="Descargar para estudiar sin conexión")).to_have_count(0)
    assert page.evaluate("() => !!document.querySelector('script[src*=\"offline\"]')") is False
    # What someone before her might have left on this computer: a pack, the outbox database, the worker.
    page.goto(f"{live_server.url}/aprender/mis-descargas/")
    page.evaluate(
        """async () => {
        const cache = await caches.open("semilla-pack-1");
        await cache.put("/aprender/mis-descargas/", new Response("viejo"));
        await new Promise(resolve => {
            const open = indexedDB.open("semilla-offline", 1);
            open.onupgradeneeded = () => open.result.createObjectStore("outbox", {keyPath: "key"});
            open.onsuccess = () => { open.result.close(); resolve(); };
        });
        await navigator.serviceWorker.register("/aprender/offline-sw.js", {scope: "/aprender/"});
        await navigator.serviceWorker.ready;
    }"""
    )
    assert page.evaluate(LEFT_BEHIND) == {"caches": ["semilla-pack-1"], "databases": ["semilla-offline"], "workers": 1}

    with page.expect_navigation():
        page.get_by_role("button", name="Salir").click()  # no question on a shared computer
    assert "motivo=salida" in page.url
    assert page.evaluate(LEFT_BEHIND) == {"caches": [], "databases": [], "workers": 0}
    assert not [c for c in context.cookies() if c["name"] in ("sessionid", "semilla_mi_telefono")]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_her_phone_logout_keeps_the_pack_and_never_drops_unsent_answers(phone_context, live_server):
    learner, module, _plain, with_quiz = _course_with_a_quiz()
    page = phone_context.new_page()
    login(page, live_server, "rosa", PASSWORD)
    _download_on_her_phone(page, live_server, module)

    # "Guardar mis descargas": the session ends, the pack, its database and the worker stay.
    with page.expect_navigation():
        page.get_by_role("button", name="Salir").click()
    expect(page.get_by_role("heading", name="Antes de salir")).to_be_visible()
    assert_accessible(page)
    with page.expect_navigation(url="**/cuenta/entrar/?motivo=salida"):
        page.get_by_role("button", name="Guardar mis descargas en este teléfono").click()
    left = page.evaluate(LEFT_BEHIND)
    assert left["caches"] == [f"semilla-pack-{module.id}"] and left["workers"] == 1
    assert "semilla-offline" in left["databases"] and page.evaluate(PACKS) == 1
    assert not [c for c in phone_context.cookies() if c["name"] == "sessionid"]

    # Offline with an unsent answer: "Salir" tells her to connect first and keeps the answer.
    login(page, live_server, "rosa", PASSWORD)
    page.goto(f"{live_server.url}/aprender/mis-descargas/")
    page.wait_for_function("navigator.serviceWorker.controller !== null || location.reload()", timeout=15000)
    phone_context.set_offline(True)
    _answer_the_quiz_offline(page, live_server, module, with_quiz)
    page.goto(f"{live_server.url}/aprender/mis-descargas/")
    expect(page.locator("#mis-descargas li.card")).to_contain_text("Módulo 1")
    page.get_by_role("button", name="Salir").click()
    expect(page.get_by_role("alert")).to_contain_text("Conéctate a internet antes de salir")
    assert page.url.endswith("/aprender/mis-descargas/")
    assert page.evaluate(OUTBOX_COUNT) == 1

    # Back online but the answers cannot be sent yet: "Borrar todo" waits for her explicit yes.
    phone_context.route("**/sincronizar/", lambda route: route.abort())
    phone_context.set_offline(False)
    with page.expect_navigation():
        page.get_by_role("button", name="Salir").click()
    page.get_by_role("button", name="Borrar todo").click()
    expect(page.get_by_role("alert")).to_contain_text("Conéctate a internet antes de salir")
    expect(page.get_by_label("Sí, quiero borrar también mis respuestas sin enviar.")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate(OUTBOX_COUNT) == 1 and "/cuenta/salir/" in page.url

    # Once they can be sent, logging out sends them first, then erases everything.
    phone_context.unroute("**/sincronizar/")
    with page.expect_navigation(url="**/cuenta/entrar/?motivo=salida"):
        page.get_by_role("button", name="Borrar todo").click()
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert page.evaluate(LEFT_BEHIND) == {"caches": [], "databases": [], "workers": 0}
