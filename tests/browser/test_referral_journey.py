"""Journey (issue 11, Referrals): a coordinator refers a participant to childcare; the partner organisation
signs in, accepts and marks it attended; the participant sees it on her 390 px phone. axe on every page."""

import pytest

from cms.accounts.models import Center, Participant, Programme
from cms.accounts.services import role_permissions_ensure
from cms.referrals.models import PartnerOrganisation, PartnerService, Referral, ServiceType
from tests.browser.conftest import (
    PHONE,
    _new_context,
    accept_current_consent,
    assert_accessible,
    consent_ensure,
    login,
    wagtail_site_ensure,
)
from tests.factories import UserFactory

PASSWORD = "clave-segura-123"


@pytest.fixture
def people(db):
    wagtail_site_ensure()
    role_permissions_ensure()
    consent_ensure()
    programme = Programme.objects.create(name="Emprende Pichincha", slug="pichincha")
    center = Center.objects.create(programme=programme, name="Centro Norte", province="Pichincha", city="Quito")
    coordinator = UserFactory(role="coordinacion", username="carmen")
    programme.coordinators.add(coordinator)
    learner = UserFactory(role="aprendiz", username="brigida", first_name="Brígida")
    participant = Participant.objects.create(
        user=learner, given_names="Brígida", surnames="Yépez", center=center, phone="0987654321"
    )
    organisation = PartnerOrganisation.objects.create(
        name="Fundación Manitos Seguras", cities="Quito", contact="02 245 1100"
    )
    PartnerService.objects.create(organisation=organisation, service_type=ServiceType.CHILDCARE, city="Quito")
    partner = UserFactory(role="aliada", username="rosa", first_name="Rosa")
    organisation.members.add(partner)
    for user in (learner, partner):
        accept_current_consent(user)
    return coordinator, participant, partner


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_childcare_referral_from_the_center_to_her_phone(page, phone_page, browser, live_server, people):
    coordinator, participant, partner = people

    # The coordinator refers Brígida to childcare, with the consent she gives at the center.
    login(page, live_server, coordinator.username, PASSWORD)
    page.goto(f"{live_server.url}/derivaciones/nueva/?participante={participant.pk}")
    page.select_option("select[name=service]", label="Fundación Manitos Seguras · Cuidado infantil · Quito")
    page.fill("textarea[name=need]", "Cuidado para su hija de 3 años mientras va al curso")
    page.fill("input[name=contact]", "WhatsApp 0987654321")
    assert page.locator("#texto-consentimiento").is_visible()
    assert_accessible(page)
    page.check("input[name=consent]")
    with page.expect_navigation():
        page.click("button[value=enviar]")
    assert page.locator("#estado").inner_text().startswith("enviada")
    assert_accessible(page)

    # The partner, on her phone, accepts and marks it attended.
    partner_context = _new_context(browser, PHONE, is_mobile=True, has_touch=True)
    try:
        partner_page = partner_context.new_page()
        login(partner_page, live_server, partner.username, PASSWORD)
        partner_page.goto(f"{live_server.url}/derivaciones/recibidas/")
        assert_accessible(partner_page)
        with partner_page.expect_navigation():
            partner_page.click("text=Brígida · Cuidado infantil")
        assert "WhatsApp 0987654321" in partner_page.content() and "Yépez" not in partner_page.content()
        assert_accessible(partner_page)
        with partner_page.expect_navigation():
            partner_page.click("button:has-text('Aceptar')")
        assert partner_page.locator("#estado").inner_text() == "aceptada"
        with partner_page.expect_navigation():
            partner_page.click("button:has-text('Marcar como atendida')")
        assert partner_page.locator("#estado").inner_text() == "atendida"
        assert_accessible(partner_page)
    finally:
        partner_context.close()

    # Brígida sees it on her phone, in plain Spanish.
    login(phone_page, live_server, "brigida", PASSWORD)
    phone_page.goto(f"{live_server.url}/derivaciones/mias/")
    line = "Te derivamos a Fundación Manitos Seguras para cuidado infantil. Estado: atendida."
    assert line in phone_page.locator("main").inner_text()
    width = phone_page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1]
    assert_accessible(phone_page)
    assert Referral.objects.get().state == Referral.State.ATTENDED
