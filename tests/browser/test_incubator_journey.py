"""Journey: from training to the incubator. An eligible learner applies, the coordinator accepts, the learner
writes the plan (canvas and financial sheet, break-even on the page) and submits a version; the mentor asks
for changes on a milestone, the learner fixes it and the mentor approves."""

import io
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from PIL import Image

from cms.accounts.services import role_permissions_ensure
from incubator.cohorts.models import Participation
from incubator.milestones.models import Milestone
from incubator.plans.fields import CANVAS_BLOCKS
from incubator.plans.models import BusinessPlan
from incubator.ventures.models import Venture
from lms.courses.models import Enrolment
from lms.quizzes.models import Quiz, QuizAttempt
from tests.browser.conftest import (
    DESKTOP,
    _new_context,
    accept_current_consent,
    assert_accessible,
    login,
    wagtail_site_ensure,
)
from tests.factories import CohortFactory, UserFactory, build_course

PASSWORD = "clave-segura-123"

CANVAS = {
    "customer_segments": "Mujeres de 25 a 50 años del barrio La Floresta que decoran su casa.",
    "value_proposition": "Suculentas sanas en macetas pintadas a mano, listas para regalar.",
    "channels": "WhatsApp, la feria del sábado y la tienda de doña Carmen.",
    "customer_relationships": "Les escribo a los 15 días para saber cómo va su planta.",
    "revenue_streams": "Venta de macetas a 8 dólares, en efectivo o transferencia.",
    "key_resources": "Plantas madre, pinturas, pinceles y el patio de mi casa.",
    "key_activities": "Reproducir plantas, pintar macetas y vender en la feria.",
    "key_partners": "El vivero de mi tía y la asociación de feriantes.",
    "cost_structure": "Macetas de barro, tierra, pintura y el puesto en la feria.",
}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 160, 90)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def people(db):
    """A learner who completed «Plan de negocio» with 80 % in its final evaluation, a coordinator, a mentor
    and the cohort that requires the course."""
    wagtail_site_ensure()
    role_permissions_ensure()
    course = build_course(title="Plan de negocio", modules=1, lessons_per_module=1)
    quiz = Quiz.objects.create(course=course, title="Evaluación final", kind=Quiz.Kind.POST)
    learner = UserFactory(role="aprendiz", username="rosa", first_name="Rosa", last_name="Quishpe")
    coordinator = UserFactory(role="coordinacion", username="carmen", first_name="Carmen", last_name="Vera")
    mentor = UserFactory(role="mentor", username="mentora-ana", first_name="Ana", last_name="Torres")
    for user in (learner, coordinator, mentor):
        accept_current_consent(user)
    Enrolment.objects.create(user=learner, course=course, completed_at=timezone.now())
    QuizAttempt.objects.create(
        user=learner, quiz=quiz, number=1, status=QuizAttempt.Status.SUBMITTED, score=Decimal("80")
    )
    cohort = CohortFactory(name="Cohorte Quito 2025", coordinators=[coordinator], required_courses=[course])
    return cohort, learner, coordinator, mentor


def _click(page, role: str, name) -> None:
    with page.expect_navigation():
        page.get_by_role(role, name=name, exact=isinstance(name, str) or None).click()


def _apply(page, server, cohort) -> None:
    page.goto(f"{server.url}/incubadora/cohortes/")
    card = page.locator("li.card", has_text=cohort.name)
    with page.expect_navigation():
        card.get_by_role("link", name="Postular").click()
    assert_accessible(page)
    page.get_by_label("¿Por qué quieres entrar a la incubadora?").fill("Vendo suculentas en la feria.")
    _click(page, "button", "Enviar mi postulación")
    assert "Recibimos tu postulación" in page.content()
    assert_accessible(page)


def _accept(page, server, cohort) -> None:
    page.goto(f"{server.url}/incubadora/cohortes/{cohort.pk}/tablero/")
    _click(page, "link", "Postulaciones y reserva")
    assert_accessible(page)
    card = page.locator("li.card", has_text="Rosa Quishpe")
    with page.expect_navigation():
        card.get_by_role("button", name="Aceptar", exact=True).click()
    assert "Decisión guardada." in page.content()


def _create_venture(page, server) -> Venture:
    page.goto(f"{server.url}/incubadora/emprendimientos/")
    _click(page, "link", "Crear mi emprendimiento")
    assert_accessible(page)
    page.get_by_label("Nombre del emprendimiento").fill("Suculentas Pintadas")
    page.get_by_label("Sector").select_option("artesanias")
    page.get_by_label("¿Qué vendes y a quién?").fill("Suculentas en macetas pintadas a mano para regalar.")
    page.get_by_label("Ciudad").fill("Quito")
    _click(page, "button", "Crear")
    assert "¡Listo! Tu emprendimiento ya existe." in page.content()
    assert_accessible(page)
    return Venture.objects.get(name="Suculentas Pintadas")


def _assign_mentor(page, server, venture) -> None:
    page.goto(f"{server.url}/incubadora/emprendimientos/{venture.pk}/")
    _click(page, "link", "Asignar mentores")
    page.get_by_label("Ana Torres").check()
    _click(page, "button", "Guardar")
    assert "Mentores guardados." in page.content()


def _write_plan(page, venture) -> None:
    """The nine canvas blocks and the financial sheet; saving shows the results computed by the server."""
    _click(page, "link", "Plan de negocio")
    assert_accessible(page)
    assert [s.name for s in CANVAS_BLOCKS] == list(CANVAS)
    for name, text in CANVAS.items():
        page.fill(f"#id_{name}", text)
    page.fill("#id_inversion-0-descripcion", "Plantas madre y macetas")
    page.fill("#id_inversion-0-monto", "150")
    page.fill("#id_inversion-1-descripcion", "Pinturas y pinceles")
    page.fill("#id_inversion-1-monto", "50,00")
    page.fill("#id_fijo-0-descripcion", "Puesto en la feria")
    page.fill("#id_fijo-0-monto", "60")
    page.fill("#id_fijo-1-descripcion", "Internet y saldo")
    page.fill("#id_fijo-1-monto", "40")
    page.fill("#id_unit_name", "maceta")
    page.fill("#id_price_per_unit", "8,00")
    page.fill("#id_variable_cost_per_unit", "3")
    page.fill("#id_expected_monthly_units", "40")
    _click(page, "button", re.compile("^Guardar$"))
    assert "Guardado a las" in page.content()
    results = page.locator(".callout").last.inner_text()
    # Margin 8 - 3 = 5 per pot; fixed costs 100 a month -> 20 pots; 40 pots leave 100 -> 200 back in 2 months.
    assert "Por cada maceta ganas USD 5,00 después de pagar los materiales." in results
    assert "Necesitas vender 20 unidades al mes para cubrir tus costos fijos de USD 100,00." in results
    assert "Recuperas la inversión inicial de USD 200,00 en 2 meses." in results
    for name, text in CANVAS.items():
        assert page.input_value(f"#id_{name}") == text
    assert_accessible(page)
    plan = BusinessPlan.objects.get(venture=venture)
    assert all(getattr(plan, name) == text for name, text in CANVAS.items())
    assert plan.price_per_unit == Decimal("8.00") and plan.expected_monthly_units == 40

    _click(page, "button", "Guardar y enviar una versión")
    assert "Enviaste la versión 1. Tu mentor(a) ya puede verla." in page.content()
    assert page.get_by_role("link", name="Versión 1").count() == 1
    assert_accessible(page)
    assert plan.versions.get().snapshot["fields"]["value_proposition"] == CANVAS["value_proposition"]


def _open_first_milestone(page, server, venture) -> None:
    page.goto(f"{server.url}/incubadora/emprendimientos/{venture.pk}/")
    _click(page, "link", "Hitos")
    assert_accessible(page)
    _click(page, "link", re.compile(r"^M1 ·"))


def _upload_evidence(page, name: str) -> None:
    page.set_input_files("input[name=file]", files=[{"name": name, "mimeType": "image/png", "buffer": _png()}])
    _click(page, "button", "Subir archivo")
    assert "Archivo guardado." in page.content()


def _review(page, decision: str, comment: str) -> None:
    page.get_by_label(decision).check()
    page.get_by_label("Comentario para el equipo").fill(comment)
    _click(page, "button", "Guardar revisión")
    assert "Revisión guardada." in page.content()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_learner_goes_from_application_to_an_approved_milestone(browser, page, live_server, people):
    cohort, learner, coordinator, mentor = people
    coordination = _new_context(browser, DESKTOP)
    mentoring = _new_context(browser, DESKTOP)
    try:
        coordinator_page, mentor_page = coordination.new_page(), mentoring.new_page()

        # The learner applies; the coordinator accepts through the intake page.
        login(page, live_server, "rosa", PASSWORD)
        _apply(page, live_server, cohort)
        login(coordinator_page, live_server, "carmen", PASSWORD)
        _accept(coordinator_page, live_server, cohort)
        assert Participation.objects.get(user=learner, cohort=cohort).status == Participation.Status.ACCEPTED

        # The learner creates the venture; the coordinator assigns the mentor.
        venture = _create_venture(page, live_server)
        assert list(venture.members.all()) == [learner]
        _assign_mentor(coordinator_page, live_server, venture)
        assert list(venture.mentors.all()) == [mentor]

        # Plan: canvas, financial sheet, break-even, a submitted version.
        page.goto(f"{live_server.url}/incubadora/emprendimientos/{venture.pk}/")
        _write_plan(page, venture)

        # M1: the learner sends it with a photo; the mentor asks for changes with a comment.
        _open_first_milestone(page, live_server, venture)
        _upload_evidence(page, "entrevistas.png")
        _click(page, "button", "Enviar a revisión")
        assert "Enviaste el hito. Tu mentor(a) lo revisará." in page.content()
        login(mentor_page, live_server, "mentora-ana", PASSWORD)
        _open_first_milestone(mentor_page, live_server, venture)
        assert_accessible(mentor_page)
        comment = "Faltan las notas de las cinco entrevistas con clientas. Súbelas y vuelve a enviar."
        _review(mentor_page, "Requiere cambios", comment)
        milestone = venture.milestones.get(code="M1")
        assert milestone.status == Milestone.Status.CHANGES

        # The learner reads the comment, adds the missing evidence and sends again.
        page.reload()
        assert "Tu mentor(a) pidió cambios." in page.content()
        assert comment in page.locator("section", has_text="Revisiones").inner_text()
        assert_accessible(page)
        _upload_evidence(page, "notas-entrevistas.png")
        _click(page, "button", "Volver a enviar a revisión")
        milestone.refresh_from_db()
        assert milestone.status == Milestone.Status.SUBMITTED and milestone.evidence.count() == 2

        # The mentor approves; the learner sees it approved.
        mentor_page.reload()
        _review(mentor_page, "Aprobado", "¡Muy bien! Las entrevistas muestran que sí hay clientas.")
        page.reload()
        status = page.locator("h1 + p .badge").first.inner_text()
        assert status.strip().lower() == "aprobado"
        _click(page, "link", re.compile("^Hitos de"))
        assert page.locator("li.card", has_text="M1").locator(".badge").first.inner_text().lower() == "aprobado"
        assert_accessible(page)
        milestone.refresh_from_db()
        assert milestone.status == Milestone.Status.APPROVED
        assert [r.decision for r in milestone.reviews.order_by("created_at")] == ["requiere_cambios", "aprobado"]
    finally:
        coordination.close()
        mentoring.close()
