"""Journey: a coordinator registers a walk-in through the CSV import, the dedupe proposes an existing
record, she merges the two and then undoes the merge, on a phone."""

from datetime import date

import pytest

from cms.accounts.models import Center, Participant, Programme
from cms.accounts.services import role_permissions_ensure
from cms.people.services import participant_register
from tests.browser.conftest import accept_current_consent, assert_accessible, consent_ensure, login, wagtail_site_ensure
from tests.factories import UserFactory

CSV = (
    "id,nombres,apellidos,fecha_nacimiento,tipo_documento,documento,telefono,nacionalidad,ciudad\n"
    "taller-1,Brijida,Llépez Idalgo,1990-03-12,,,0991234567,venezolana,Quito\n"
)


@pytest.fixture
def setup(db):
    wagtail_site_ensure()
    role_permissions_ensure()
    consent_ensure()
    programme = Programme.objects.create(name="Emprende Pichincha", slug="pichincha")
    center = Center.objects.create(programme=programme, name="Centro Norte", province="Pichincha", city="Quito")
    coordinator = UserFactory(role="coordinacion", username="coordinadora", first_name="Carmen")
    accept_current_consent(coordinator)
    programme.coordinators.add(coordinator)
    return participant_register(
        by=coordinator, given_names="Brígida", surnames="Yépez Hidalgo", birth_date=date(1990, 3, 12), center=center
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_walk_in_from_csv_is_proposed_merged_and_unmerged(phone_page, live_server, setup):
    existing = setup
    page = phone_page
    login(page, live_server, "coordinadora", "clave-segura-123")

    page.goto(f"{live_server.url}/coordinacion/importar/")
    assert_accessible(page)
    page.set_input_files(
        "input[name=file]", files=[{"name": "taller.csv", "mimeType": "text/csv", "buffer": CSV.encode("utf-8")}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Ver vista previa").click()
    assert "Es la misma que Brígida Yépez Hidalgo" in page.content()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirmar e importar").click()  # "Importar como persona nueva"
    assert "1 nuevas, 0 unidas a un registro, 0 omitidas" in page.content()
    walk_in = Participant.objects.get(given_names="Brijida")

    page.goto(f"{live_server.url}/coordinacion/duplicados/")
    with page.expect_navigation():
        page.get_by_role("button", name="Buscar duplicados").click()
    pair = page.locator("li.pair").first
    assert "Brijida" in pair.inner_text() and "suenan igual" in pair.inner_text()
    assert_accessible(page)
    with page.expect_navigation():
        pair.get_by_role("button", name="Unir").click()
    assert "ahora es un solo registro" in page.content()
    walk_in.refresh_from_db()
    assert walk_in.merged_into_id == existing.pk
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Deshacer la unión").click()
    assert "Unión deshecha" in page.content()
    walk_in.refresh_from_db()
    existing.refresh_from_db()
    assert walk_in.merged_into_id is None and existing.phone == ""
    assert_accessible(page)
