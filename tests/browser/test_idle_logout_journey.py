"""Journey 3: on a shared computer, a learner left idle is signed out and the back button shows nothing."""

import re

import pytest

from tests.browser.conftest import accept_current_consent, assert_accessible, login
from tests.factories import UserFactory

IDLE_SECONDS = 3
IDLE_NOTICE = "Cerramos tu sesión porque no hubo actividad"


@pytest.fixture
def learner(db):
    user = UserFactory(role="aprendiz", username="rosa", first_name="Rosa", last_name="Quishpe")
    accept_current_consent(user)
    return user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_idle_learner_is_signed_out_and_back_shows_nothing_private(page, live_server, learner, settings):
    settings.SEMILLA_IDLE_SECONDS_LEARNER = IDLE_SECONDS

    page.goto(f"{live_server.url}/cuenta/entrar/")
    assert_accessible(page)

    login(page, live_server, "rosa", "clave-segura-123")
    page.goto(f"{live_server.url}/inicio/")
    assert "Rosa" in page.locator("h1").inner_text()
    assert_accessible(page)

    # Nobody touches the computer: the page itself goes to the login form with the Spanish notice.
    page.wait_for_url(re.compile(r"/cuenta/entrar/"), timeout=(IDLE_SECONDS + 15) * 1000)
    page.wait_for_load_state()
    assert IDLE_NOTICE in page.content()
    assert "Rosa" not in page.content()
    assert_accessible(page)

    # The next person presses "back": private pages were no-store, so the browser asks again and gets nothing.
    page.go_back()
    page.wait_for_load_state()
    assert "Rosa" not in page.content()
    assert "Hola" not in page.content()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_private_pages_are_not_kept_by_the_browser(page, live_server, learner):
    login(page, live_server, "rosa", "clave-segura-123")
    response = page.goto(f"{live_server.url}/inicio/")
    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_dashboard_fits_a_phone_screen(phone_page, live_server, learner):
    login(phone_page, live_server, "rosa", "clave-segura-123")
    phone_page.goto(f"{live_server.url}/inicio/")
    overflow = phone_page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a 390px phone"
    assert_accessible(phone_page)
