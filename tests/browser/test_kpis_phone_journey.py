"""Journey on a 390 px phone: a venture's figures and cash diary are readable, the chart's text is not tiny and
no table runs off the screen (issue 16, item 15)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from cms.accounts.services import role_permissions_ensure
from incubator.kpis import services
from tests.browser.conftest import accept_current_consent, assert_accessible, login, wagtail_site_ensure
from tests.factories import venture_with_team

PASSWORD = "clave-segura-123"

# Every text of the chart as rendered: its font size after the viewBox scaling, its box, and which labels overlap.
CHART_TEXT = """() => {
  const svg = document.querySelector("svg.chart");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll("text")].map((node) => {
    const box = node.getBoundingClientRect();
    return {text: node.textContent, px: parseFloat(getComputedStyle(node).fontSize) * scale, height: box.height,
            left: box.left, right: box.right, top: box.top, bottom: box.bottom};
  });
  const overlaps = [];
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push([a.text, b.text]);
  }));
  const legend = [...document.querySelectorAll(".chart-legend li")]
    .map((li) => parseFloat(getComputedStyle(li).fontSize));
  return {texts, overlaps, legend};
}"""

OVERFLOW = """() => {
  const page = document.documentElement.clientWidth;
  return {page, scroll: document.documentElement.scrollWidth,
          tables: [...document.querySelectorAll("table")].map((table) => ({
            right: table.getBoundingClientRect().right, scroll: table.scrollWidth, client: table.clientWidth,
            wrap: table.parentElement.scrollWidth - table.parentElement.clientWidth}))};
}"""


def _no_table_is_cut_off(page) -> None:
    sizes = page.evaluate(OVERFLOW)
    assert sizes["tables"], "no table on the page"
    assert sizes["scroll"] <= sizes["page"], sizes
    for table in sizes["tables"]:
        assert table["right"] <= sizes["page"] and table["scroll"] <= table["client"] and table["wrap"] <= 0, sizes


@pytest.fixture
def team(db):
    wagtail_site_ensure()
    role_permissions_ensure()
    venture, member, mentor, coordinator = venture_with_team(name="Dulces de Maracaibo")
    accept_current_consent(member)
    for n in range(12):  # a year of months: the month labels must thin out, not pile up
        services.monthly_figure_save(
            venture=venture,
            month=date(2025, 1 + n, 1),
            sales=30 + n,
            income=Decimal(12500 + 900 * n),
            costs=Decimal(8300 + 400 * n),
            customers=40 + 3 * n,
            jobs=2,
        )
    services.cash_entry_add(
        venture=venture,
        by=member,
        date=date(2025, 12, 3),
        kind="entrada",
        amount=Decimal("1250.75"),
        note="Pedido de la panadería del barrio La Floresta",
    )
    return venture, member


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_kpi_chart_text_is_readable_and_the_tables_fit(phone_page, live_server, team):
    venture, member = team
    page = phone_page
    login(page, live_server, member.username, PASSWORD)
    page.goto(live_server.url + reverse("kpis:venture", args=[venture.pk]))

    chart = page.evaluate(CHART_TEXT)
    assert chart["texts"] and len(chart["legend"]) == 3 and min(chart["legend"]) >= 12, chart["legend"]
    small = [t for t in chart["texts"] if t["px"] < 12 or t["height"] < 11]
    assert not small, small
    assert not chart["overlaps"], chart["overlaps"]
    _no_table_is_cut_off(page)
    caption = page.locator("table.stack caption")
    assert caption.evaluate("c => c.getBoundingClientRect().width / c.parentElement.clientWidth") > 0.9
    # Stacked on the phone, each figure still says what it is.
    row = page.locator("table.stack tbody tr", has_text="diciembre 2025")
    income = row.locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert "Ingresos (US$)" in income, income
    assert_accessible(page)

    page.get_by_role("link", name="Diario de caja").click()
    page.get_by_role("heading", name="Diario de caja de Dulces de Maracaibo").wait_for()
    page.goto(page.url.split("?")[0] + "?mes=2025-12")
    page.get_by_text("Pedido de la panadería").wait_for()
    _no_table_is_cut_off(page)
    assert_accessible(page)
