"""Journey 2: a coordinator bulk-enrols a CSV with one bad row, reads the error, fixes the file and imports."""

import pytest

from cms.accounts.services import role_permissions_ensure
from lms.courses.models import Enrolment
from tests.browser.conftest import assert_accessible, login, wagtail_site_ensure
from tests.factories import UserFactory, build_course

CSV = "usuario,curso\nana.torres,{course}\n{jose},{course}\nmaria.ruiz,{course}\n"


@pytest.fixture
def setup(db):
    wagtail_site_ensure()
    role_permissions_ensure()  # a flush between transactional tests removes the role groups' permissions
    UserFactory(role="coordinacion", username="coordinadora", first_name="Carmen")
    for username in ("ana.torres", "jose.pazmino", "maria.ruiz"):
        UserFactory(role="aprendiz", username=username)
    return build_course(title="Ventas por WhatsApp", modules=1, lessons_per_module=1)


def _upload(page, name: str, text: str) -> None:
    page.set_input_files(
        "input[name=file]",
        files=[
            {"name": name, "mimeType": "text/csv", "buffer": text.encode("utf-8")},
        ],
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Ver vista previa").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_fixes_a_bad_row_and_imports_the_csv(page, live_server, setup):
    course = setup
    login(page, live_server, "coordinadora", "clave-segura-123")
    page.goto(f"{live_server.url}/admin/")
    with page.expect_navigation():
        page.get_by_role("link", name="Inscribir desde CSV").click()
    assert page.locator("h1").inner_text().strip() == "Inscribir desde CSV"
    assert_accessible(page)

    # Row 3 has a typo in the username: nothing is imported and the row says why, in Spanish.
    _upload(page, "inscripciones.csv", CSV.format(course=course.slug, jose="jose.pasmino"))
    assert "2 nuevas, 0 sin cambios, 1 con errores." in page.content()
    error_row = page.locator("tr.error")
    assert error_row.count() == 1
    assert "No existe una cuenta activa con el usuario «jose.pasmino»." in error_row.inner_text()
    assert "No se importó nada" in page.content()
    assert page.get_by_role("button", name="Confirmar e inscribir").count() == 0
    assert not Enrolment.objects.exists()
    assert_accessible(page)

    # The fixed file previews clean; confirming enrols all three.
    _upload(page, "inscripciones-corregido.csv", CSV.format(course=course.slug, jose="jose.pazmino"))
    assert "3 nuevas, 0 sin cambios, 0 con errores." in page.content()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirmar e inscribir a 3 personas").click()
    assert "Importación lista: 3 inscritas, 0 en lista de espera, 0 sin cambios." in page.content()
    assert_accessible(page)
    enrolled = Enrolment.objects.filter(course=course, status=Enrolment.Status.ACTIVE)
    assert sorted(enrolled.values_list("user__username", flat=True)) == ["ana.torres", "jose.pazmino", "maria.ruiz"]
