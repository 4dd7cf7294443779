"""Journey: a mentor schedules a session and finds her people by name (issue 16.14)."""

import pytest

from tests.browser.conftest import accept_current_consent, assert_accessible, login
from tests.factories import UserFactory, VentureFactory

PASSWORD = "clave-segura-123"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_participants_search_filters_by_name_as_she_types_and_without_javascript(browser, live_server):
    mentor = UserFactory(role="mentor", username="mentora-ana", first_name="Ana", last_name="Torres")
    rosa = UserFactory(role="aprendiz", username="rq2024", first_name="Rosa", last_name="Quishpe")
    luis = UserFactory(role="aprendiz", username="lm77", first_name="Luis", last_name="Mora")
    stranger = UserFactory(role="aprendiz", username="nadie-de-ana")
    VentureFactory(members=[rosa, luis], mentors=[mentor])
    accept_current_consent(mentor)
    labels = "#id_participants label"

    context = browser.new_context(locale="es-EC", timezone_id="America/Guayaquil")
    page = context.new_page()
    login(page, live_server, "mentora-ana", PASSWORD)
    page.goto(f"{live_server.url}/mentorias/nueva/")
    assert [t.strip() for t in page.locator(labels).all_text_contents()] == [
        "Luis Mora (lm77)",
        "Rosa Quishpe (rq2024)",
    ]
    assert stranger.username not in page.content()
    assert_accessible(page)

    page.fill("#q", "rosa")  # live, no reload
    page.locator(labels, has_text="Luis Mora").wait_for(state="hidden")
    assert page.locator(labels, has_text="Rosa Quishpe").is_visible()
    page.fill("#q", "xyz")
    page.locator("#sin-resultados").wait_for()
    page.fill("#q", "")
    page.locator(labels, has_text="Luis Mora").wait_for()
    context.close()

    # Without JavaScript the same box sends a GET and the server narrows the list.
    context = browser.new_context(locale="es-EC", java_script_enabled=False)
    page = context.new_page()
    login(page, live_server, "mentora-ana", PASSWORD)
    page.goto(f"{live_server.url}/mentorias/nueva/")
    page.fill("#q", "mora")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert "q=mora" in page.url
    assert [t.strip() for t in page.locator(labels).all_text_contents()] == ["Luis Mora (lm77)"]
    context.close()
