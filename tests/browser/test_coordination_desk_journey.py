"""Journey: a coordinator registers a walk-in on her phone, finds her on the list, opens her page and reads her
migratory status after saying why."""

import pytest

from cms.accounts.models import Center, Programme
from cms.people.models import ConsentText, Purpose, SensitiveRead
from tests.browser.conftest import accept_current_consent, assert_accessible, consent_ensure, login
from tests.factories import UserFactory

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def coordinator(db):
    consent_ensure()
    programme = Programme.objects.create(name="Emprende Pichincha", slug="emprende-pichincha")
    Center.objects.create(
        programme=programme, name="Casa Barrial Los Rosales", province="Santo Domingo", city="Santo Domingo"
    )
    ConsentText.objects.create(purpose=Purpose.TRAINING, version="v2026-12", body="Guardamos tu nombre y tu avance.")
    user = UserFactory(role="coordinacion", username="carmen", first_name="Carmen")
    programme.coordinators.add(user)
    accept_current_consent(user)
    return user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_registers_a_walk_in_and_reads_her_status_with_a_reason(phone_page, live_server, coordinator):
    page = phone_page
    login(page, live_server, "carmen", "clave-segura-123")
    page.goto(f"{live_server.url}/coordinacion/personas/")
    assert page.locator("h1").inner_text().strip() == "Personas"
    with page.expect_navigation():
        page.get_by_role("link", name="Registrar a una persona").click()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(page)

    # A wrong cédula is said next to its field; what she typed stays.
    page.get_by_label("Nombres").fill("Génesis")
    page.get_by_label("Apellidos").fill("Parra Villalobos")
    page.get_by_label("Fecha de nacimiento (opcional)").fill("1999-04-04")
    page.get_by_label("Sexo").select_option("mujer")
    page.get_by_label("Nacionalidad").select_option("venezolana")
    page.get_by_label("Situación de movilidad humana").select_option("refugiada")
    page.get_by_label("Tipo de documento").select_option("cedula")
    page.get_by_label("Número de documento (opcional)").fill("1710034066")
    page.get_by_label("Teléfono (opcional)").fill("0991234567")
    page.get_by_label("Centro").select_option(label="Casa Barrial Los Rosales (Santo Domingo)")
    page.get_by_label("La persona leyó o escuchó este texto").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Registrar").click()
    assert "Esta cédula no es válida" in page.locator(".field-error").first.inner_text()
    assert page.get_by_label("Apellidos").input_value() == "Parra Villalobos"
    assert_accessible(page)

    page.get_by_label("Número de documento (opcional)").fill("1710034065")
    page.get_by_label("La persona leyó o escuchó este texto").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Registrar").click()
    assert "Registramos a Génesis Parra Villalobos." in page.content()

    # On the list, by her phone number.
    page.goto(f"{live_server.url}/coordinacion/personas/")
    page.get_by_label("Buscar por nombre, documento o teléfono").fill("0991234567")
    with page.expect_navigation():
        page.get_by_role("button", name="Buscar").click()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Génesis Parra Villalobos").click()
    assert page.locator("h1").inner_text().strip() == "Génesis Parra Villalobos"
    assert "refugiada" not in page.content().lower()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(page)

    # Her migratory status, after choosing why.
    with page.expect_navigation():
        page.get_by_role("link", name="Ver situación migratoria").click()
    page.get_by_label("Derivarla a un servicio").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Ver el dato").click()
    assert "Persona refugiada o solicitante de asilo" in page.content()
    assert_accessible(page)
    read = SensitiveRead.objects.get()
    assert (read.reader, read.field) == (coordinator, "mobility")
