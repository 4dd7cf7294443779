"""Journey on a 390 px phone (issue 13): she downloads her data (and opens the offline copy), corrects her phone,
sees who read her migratory status, asks for erasure after seeing what will be kept, confirms and sees her
request's deadline; a coordinator sees it due and approves within the 15-day clock. axe on every page."""

import pytest
from django.urls import reverse

from cms.accounts.models import User
from cms.accounts.services import role_permissions_ensure
from cms.privacy.models import PrivacyRequest
from tests.browser.conftest import accept_current_consent, assert_accessible, login, wagtail_site_ensure
from tests.cms.privacy.conftest import IDENTIFIERS, demo  # noqa: F401  (the fixture)

PASSWORD = "clave-segura-123"


@pytest.fixture
def person(demo):  # noqa: F811  (the fixture imported above)
    wagtail_site_ensure()
    role_permissions_ensure()
    accept_current_consent(demo.user)
    accept_current_consent(demo.coordinator)
    return demo


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_she_takes_her_data_sees_who_read_it_and_asks_for_erasure(
    phone_page, phone_context, live_server, person
):
    page = phone_page
    login(page, live_server, IDENTIFIERS["username"], PASSWORD)
    page.goto(live_server.url + reverse("privacy:my_data"))
    page.get_by_role("heading", name="Mis datos", exact=True).wait_for()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Descargar mis datos (página)").click()
    offline = open(download.value.path(), encoding="utf-8").read()
    assert person.texts["message"] in offline and IDENTIFIERS["document"] in offline
    page.set_content(offline)  # the copy she opens without internet
    page.get_by_text(person.texts["message"]).first.wait_for()
    assert_accessible(page)

    page.goto(live_server.url + reverse("privacy:my_data"))
    page.get_by_role("link", name="Corregir mi nombre o mi teléfono").click()
    page.get_by_role("heading", name="Corregir mis datos").wait_for()
    assert_accessible(page)
    page.get_by_label("Teléfono").fill("0991112233")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("Guardamos tus datos corregidos.").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Ver quién leyó mis datos sensibles").click()
    row = page.get_by_role("row", name="situación de movilidad humana")
    row.wait_for()
    assert "Carmen Coordinadora" in row.inner_text() and "Derivación a asesoría legal" in row.inner_text()
    assert_accessible(page)

    page.goto(live_server.url + reverse("privacy:my_data"))
    page.get_by_role("link", name="Ver qué se borra y pedir que se borre").click()
    page.get_by_role("heading", name="Se queda, sin tu nombre, y por qué").wait_for()
    assert "Mensajes que escribiste" in page.locator(".erase-list").inner_text()
    assert "LOPDP" in page.locator(".keep-list").inner_text()
    assert_accessible(page)
    page.get_by_label("Entiendo que esto no se puede deshacer.").check()
    page.get_by_role("button", name="Pedir que borren mis datos").click()
    page.get_by_text("Recibimos tu pedido").wait_for()
    assert "respuesta hasta el" in page.content()
    assert_accessible(page)
    assert User.objects.get(pk=person.user.pk).is_active

    phone_context.clear_cookies()
    login(page, live_server, person.coordinator.username, PASSWORD)
    page.goto(live_server.url + reverse("privacy:requests"))
    page.get_by_role("heading", name="Solicitudes de privacidad").wait_for()
    assert "Atrasada" not in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Atender: Borrar tus datos").click()
    page.get_by_text("Respuesta guardada.").wait_for()
    assert_accessible(page)

    request = PrivacyRequest.objects.get(participant=person.participant, kind=PrivacyRequest.Kind.ERASE)
    assert request.state == PrivacyRequest.State.DONE and request.answered_at <= request.due_at
    erased = User.objects.get(pk=person.user.pk)
    assert not erased.is_active and erased.username != IDENTIFIERS["username"]
    assert PrivacyRequest.objects.filter(participant=person.participant, kind=PrivacyRequest.Kind.RECTIFY).exists()
