"""Journey: the connection dies while a learner writes the business plan, and nothing typed is lost.

The plan page autosaves ~10 s after a change and keeps a copy in the browser (localStorage) until the server
has it. These tests cut the network (the whole context offline, or only the autosave requests aborted), type
more, leave or reload the page, and check every character ends up in the database and on the page.
"""

import re

import pytest

from incubator.plans.models import BusinessPlan
from incubator.plans.services import business_plan_ensure
from tests.browser.conftest import accept_current_consent, assert_accessible, login, wagtail_site_ensure
from tests.factories import venture_with_team

PASSWORD = "clave-segura-123"
AUTOSAVE_WAIT = 20_000  # the script waits ~10 s after the last change before it sends
SAVED = re.compile(r"^Guardado a las \d\d:\d\d")
OFFLINE = "Sin conexión: lo guardamos en este equipo y lo enviamos cuando vuelva."
RESTORED = "Recuperamos lo que escribiste en este equipo y no se había enviado. Revísalo y pulsa «Guardar»."

FIRST = "Mujeres de 25 a 50 años del barrio La Floresta"
MORE = ", que decoran su casa y regalan plantas en cumpleaños."
VALUE = "Suculentas sanas en macetas pintadas a mano, listas para regalar. ¡Con ñ y tildes: corazón!"


@pytest.fixture
def team(db):
    wagtail_site_ensure()
    venture, member, mentor, coordinator = venture_with_team(name="Suculentas Pintadas")
    member.username, member.first_name, member.last_name = "rosa", "Rosa", "Quishpe"
    member.save()
    accept_current_consent(member)
    business_plan_ensure(venture=venture)
    return venture, member


def _plan(venture) -> BusinessPlan:
    return BusinessPlan.objects.get(venture=venture)


def _open_plan(page, server, venture) -> None:
    page.goto(f"{server.url}/incubadora/planes/{venture.pk}/")
    page.locator("#plan-form").wait_for()


def _wait_status(page, pattern, timeout: int = AUTOSAVE_WAIT) -> None:
    page.wait_for_function(
        "([source, flags]) => new RegExp(source, flags).test(document.getElementById('autoguardado').textContent)",
        arg=[pattern.pattern if hasattr(pattern, "pattern") else re.escape(pattern), ""],
        timeout=timeout,
    )


def _type_at_end(page, selector: str, text: str) -> None:
    """Type key by key at the end of the field, as a person does (one input event per character)."""
    page.focus(selector)
    page.evaluate(
        "s => { const el = document.querySelector(s); el.selectionStart = el.selectionEnd = el.value.length; }",
        selector,
    )
    page.keyboard.type(text)


def _local_draft(page, venture, member) -> str | None:
    return page.evaluate("k => window.localStorage.getItem(k)", f"semilla-plan-{member.pk}-{venture.pk}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typing_offline_survives_closing_the_page_and_reaches_the_server_later(browser, context, live_server, team):
    venture, member = team
    page = context.new_page()
    login(page, live_server, "rosa", PASSWORD)
    _open_plan(page, live_server, venture)
    assert_accessible(page)

    # Online: the first words reach the server without pressing anything.
    _type_at_end(page, "#id_customer_segments", FIRST)
    _wait_status(page, SAVED)
    assert _plan(venture).customer_segments == FIRST

    # The connection dies mid-edit: the rest stays in this browser, and the page says so.
    context.set_offline(True)
    _type_at_end(page, "#id_customer_segments", MORE)
    _type_at_end(page, "#id_value_proposition", VALUE)
    _wait_status(page, OFFLINE)
    assert _plan(venture).customer_segments == FIRST and _plan(venture).value_proposition == ""
    assert VALUE in (_local_draft(page, venture, member) or "")
    assert_accessible(page)

    # The tab is closed while offline (or the battery dies). Later, online again, the person comes back.
    page.close()
    context.set_offline(False)
    page = context.new_page()
    _open_plan(page, live_server, venture)
    notice = page.locator("#plan-aviso")
    assert notice.is_visible() and notice.inner_text() == RESTORED
    assert page.input_value("#id_customer_segments") == FIRST + MORE
    assert page.input_value("#id_value_proposition") == VALUE
    assert_accessible(page)

    # Without touching anything, the restored text is sent; the server has every character.
    _wait_status(page, SAVED)
    plan = _plan(venture)
    assert plan.customer_segments == FIRST + MORE and plan.value_proposition == VALUE
    assert _local_draft(page, venture, member) is None

    # And it is what the page shows from the server on a fresh load, with no notice.
    page.reload()
    assert page.input_value("#id_customer_segments") == FIRST + MORE
    assert page.input_value("#id_value_proposition") == VALUE
    assert not page.locator("#plan-aviso").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_when_the_connection_comes_back_the_page_sends_at_once(context, page, live_server, team):
    venture, member = team
    login(page, live_server, "rosa", PASSWORD)
    _open_plan(page, live_server, venture)
    context.set_offline(True)
    _type_at_end(page, "#id_channels", "WhatsApp y la feria del sábado.")
    _wait_status(page, OFFLINE)
    assert _plan(venture).channels == ""
    context.set_offline(False)  # fires "online": no need to wait for the next retry
    _wait_status(page, SAVED, timeout=5_000)
    assert _plan(venture).channels == "WhatsApp y la feria del sábado."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_failed_saves_on_a_flaky_network_are_recovered_after_a_reload(page, live_server, team):
    """The browser believes it is online but the saves never arrive (weak signal, a proxy dropping them)."""
    venture, member = team
    login(page, live_server, "rosa", PASSWORD)
    _open_plan(page, live_server, venture)
    page.route("**/autoguardar/", lambda route: route.abort("connectionreset"))
    _type_at_end(page, "#id_key_resources", "Plantas madre, pinturas y pinceles.")
    page.fill("#id_expected_monthly_units", "40")
    page.fill("#id_price_per_unit", "8,50")
    _wait_status(page, OFFLINE)
    assert _plan(venture).key_resources == ""

    page.unroute("**/autoguardar/")
    page.reload()
    assert page.locator("#plan-aviso").is_visible()
    assert page.input_value("#id_key_resources") == "Plantas madre, pinturas y pinceles."
    assert page.input_value("#id_price_per_unit") == "8,50"
    # The explicit "Guardar" (the no-JS path) saves the restored text too.
    with page.expect_navigation():
        page.get_by_role("button", name="Guardar", exact=True).click()
    assert "Guardado a las" in page.content()
    plan = _plan(venture)
    assert plan.key_resources == "Plantas madre, pinturas y pinceles."
    assert plan.expected_monthly_units == 40 and str(plan.price_per_unit) == "8.50"
    assert not page.locator("#plan-aviso").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_two_tabs_editing_the_same_block_show_both_texts(context, live_server, team):
    venture, member = team
    first, second = context.new_page(), context.new_page()
    login(first, live_server, "rosa", PASSWORD)
    _open_plan(first, live_server, venture)
    _open_plan(second, live_server, venture)

    _type_at_end(first, "#id_cost_structure", "Macetas de barro y tierra.")
    _wait_status(first, SAVED)
    _type_at_end(second, "#id_cost_structure", "Puesto en la feria.")
    _wait_status(second, re.compile("Este plan se guardó en otro lugar"))
    assert _plan(venture).cost_structure == "Macetas de barro y tierra."

    with second.expect_navigation() as navigation:
        second.get_by_role("button", name="Guardar", exact=True).click()
    assert navigation.value.status == 409
    assert second.input_value("#id_cost_structure") == "Puesto en la feria."
    saved = second.get_by_role("textbox", name="Texto guardado en otro lugar")
    assert saved.input_value() == "Macetas de barro y tierra."
    assert_accessible(second)

    # Both texts joined in the person's own field, then saved.
    second.fill("#id_cost_structure", "Macetas de barro y tierra. Puesto en la feria.")
    with second.expect_navigation() as navigation:
        second.get_by_role("button", name="Guardar", exact=True).click()
    assert navigation.value.status == 200
    assert _plan(venture).cost_structure == "Macetas de barro y tierra. Puesto en la feria."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_save_that_reached_the_server_but_lost_its_answer_is_not_a_conflict_with_itself(
    context, page, live_server, team
):
    venture, member = team
    login(page, live_server, "rosa", PASSWORD)
    _open_plan(page, live_server, venture)

    def reach_then_drop(route):
        route.fetch()  # the server saves...
        route.abort("connectionreset")  # ...and the answer never comes back

    page.route("**/autoguardar/", reach_then_drop)
    _type_at_end(page, "#id_revenue_streams", "Venta de macetas a 8 dólares")
    _wait_status(page, OFFLINE)
    assert _plan(venture).revenue_streams == "Venta de macetas a 8 dólares"

    page.unroute("**/autoguardar/")
    _type_at_end(page, "#id_revenue_streams", ", en efectivo o transferencia.")
    context.set_offline(True)
    context.set_offline(False)  # the connection comes back: the page sends at once
    _wait_status(page, SAVED, timeout=5_000)
    assert _plan(venture).revenue_streams == "Venta de macetas a 8 dólares, en efectivo o transferencia."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typing_offline_survives_a_teammate_saving_other_blocks_meanwhile(context, live_server, team):
    from incubator.plans.fields import plan_values
    from incubator.plans.services import business_plan_save

    venture, member = team
    page = context.new_page()
    login(page, live_server, "rosa", PASSWORD)
    _open_plan(page, live_server, venture)
    context.set_offline(True)
    _type_at_end(page, "#id_channels", "WhatsApp y la feria del sábado.")
    _wait_status(page, OFFLINE)
    page.close()

    # A teammate saves another block from their own computer while Rosa is away.
    plan = _plan(venture)
    business_plan_save(
        plan_id=plan.pk,
        by=member,
        base_revision=plan.revision,
        values={**plan_values(plan), "value_proposition": VALUE},
    )

    context.set_offline(False)
    page = context.new_page()
    _open_plan(page, live_server, venture)
    assert page.locator("#plan-aviso").is_visible()
    assert page.input_value("#id_channels") == "WhatsApp y la feria del sábado."
    assert page.input_value("#id_value_proposition") == VALUE
    _wait_status(page, SAVED)
    plan = _plan(venture)
    assert plan.channels == "WhatsApp y la feria del sábado." and plan.value_proposition == VALUE
