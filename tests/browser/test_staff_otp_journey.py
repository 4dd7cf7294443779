"""Journey: a coordinator's first sign-in sets up the code app, and the Wagtail admin opens only after the code."""

import pytest

from cms.accounts.services import role_permissions_ensure
from tests.browser.conftest import assert_accessible, login, wagtail_site_ensure
from tests.browser.otp import staff_login
from tests.factories import UserFactory

PASSWORD = "clave-segura-123"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_sets_up_the_code_and_reaches_the_admin_only_with_it(page, live_server, settings):
    settings.SEMILLA_STAFF_OTP_REQUIRED = True
    wagtail_site_ensure()
    role_permissions_ensure()
    UserFactory(role="coordinacion", username="carmen", first_name="Carmen")

    login(page, live_server, "carmen", PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    assert "/cuenta/verificacion/activar/" in page.url
    assert page.locator("h1").inner_text().strip() == "Activa tu código de verificación"
    assert page.locator("img[alt='Código QR para agregar Semilla a tu aplicación']").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    staff_login(page, live_server, "carmen", PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    assert page.url.rstrip("/").endswith("/admin")

    page.context.clear_cookies()  # next time: the code page, not the set-up page
    login(page, live_server, "carmen", PASSWORD)
    assert "/cuenta/verificacion/" in page.url and "/activar/" not in page.url
    assert_accessible(page)
