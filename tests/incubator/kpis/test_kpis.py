"""KPIs: the cash diary sums by month in Decimal, SVG charts carry the values, pages are private and lean."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from incubator.kpis import services
from incubator.kpis.charts import MonthPoint, kpi_chart
from incubator.kpis.models import CashEntry, MonthlyFigure
from incubator.kpis.selectors import figures_for_cohort
from tests.factories import UserFactory, VentureFactory, venture_with_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return venture_with_team()


def test_the_cash_diary_sums_each_month_in_decimal(team):
    venture, member = team[0], team[1]
    services.monthly_figure_save(
        venture=venture, month=date(2025, 3, 1), sales=4, income=Decimal("1"), costs=Decimal("1"), customers=3, jobs=1
    )
    for day, kind, amount in [
        (date(2025, 3, 1), "entrada", "10.10"),
        (date(2025, 3, 31), "entrada", "20.20"),
        (date(2025, 3, 15), "salida", "5.05"),
        (date(2025, 4, 1), "entrada", "99.99"),
    ]:
        services.cash_entry_add(venture=venture, by=member, date=day, kind=kind, amount=Decimal(amount))
    march = MonthlyFigure.objects.get(venture=venture, month=date(2025, 3, 1))
    assert (march.income, march.costs, march.result) == (Decimal("30.30"), Decimal("5.05"), Decimal("25.25"))
    assert (march.sales, march.customers, march.source) == (4, 3, "diario")
    assert MonthlyFigure.objects.get(venture=venture, month=date(2025, 4, 1)).income == Decimal("99.99")
    services.cash_entry_delete(entry=CashEntry.objects.get(amount=Decimal("5.05")), by=member)
    march.refresh_from_db()
    assert march.costs == Decimal("0.00")


def test_the_svg_chart_is_accessible_and_contains_the_values():
    svg = kpi_chart(
        chart_id="g",
        title="Ingresos <y> costos",
        points=[
            MonthPoint(date(2025, 3, 1), Decimal("120.50"), Decimal("80.25"), 12),
            MonthPoint(date(2025, 4, 1), Decimal("300.00"), Decimal("90.00"), 20),
        ],
    )
    assert svg.startswith('<ul class="chart-legend">') and "Costos (US$)" in svg  # the legend is HTML, first
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in svg and 'role="img"' in svg and "<script" not in svg
    assert '<title id="g-t">Ingresos &lt;y&gt; costos</title>' in svg and '<desc id="g-d">' in svg
    for value in ("120,50", "80,25", "300,00", "12 clientes", "20 clientes"):
        assert value in svg
    assert svg.count("<rect") >= 4 and "<polyline" in svg
    assert kpi_chart(chart_id="x", title="t", points=[]) == ""


def test_the_chart_says_one_customer_in_the_singular():
    svg = kpi_chart(chart_id="g", title="t", points=[MonthPoint(date(2025, 3, 1), Decimal("5"), Decimal("1"), 1)])
    assert "1 cliente" in svg and "1 clientes" not in svg


def test_the_team_saves_a_month_typed_with_a_comma(client, team):
    venture, member = team[0], team[1]
    client.force_login(member)
    url = reverse("kpis:venture", args=[venture.pk])
    response = client.post(
        url, {"month": "2025-05", "sales": "7", "income": "150,75", "costs": "$ 40.5", "customers": "6", "jobs": "2"}
    )
    assert response.status_code == 302
    figure = MonthlyFigure.objects.get(venture=venture)
    assert (figure.month, figure.income, figure.costs) == (date(2025, 5, 1), Decimal("150.75"), Decimal("40.50"))
    page = client.get(url).content.decode()
    assert "<svg" in page and "150,75" in page


def test_bad_input_shows_a_spanish_error_and_keeps_the_typed_values(client, team):
    venture, member = team[0], team[1]
    client.force_login(member)
    response = client.post(
        reverse("kpis:cash", args=[venture.pk]),
        {"date": "2025-05-02", "kind": "entrada", "amount": "-3", "note": "venta de pan"},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "field-error" in page and "venta de pan" in page
    assert not CashEntry.objects.exists()


def test_outsiders_get_404_and_mentors_cannot_write(client, team):
    venture, member, mentor, coordinator = team
    entry = services.cash_entry_add(
        venture=venture, by=member, date=date(2025, 5, 2), kind="entrada", amount=Decimal("5")
    )
    other = UserFactory(role="aprendiz")
    VentureFactory(cohort=venture.cohort, members=[other])
    pages = [reverse("kpis:venture", args=[venture.pk]), reverse("kpis:cash", args=[venture.pk])]
    for person in (UserFactory(role="aprendiz"), other):
        client.force_login(person)
        assert [client.get(url).status_code for url in pages] == [404, 404]
        assert client.post(reverse("kpis:cash_delete", args=[entry.pk])).status_code == 404
        assert client.get(reverse("kpis:cohort", args=[venture.cohort.pk])).status_code == 404
    client.force_login(mentor)
    assert [client.get(url).status_code for url in pages] == [200, 200]
    assert client.get(reverse("kpis:cohort", args=[venture.cohort.pk])).status_code == 404
    assert client.post(pages[1], {"date": "2025-05-02", "kind": "salida", "amount": "1"}).status_code == 403
    client.force_login(UserFactory(role="coordinacion"))  # coordinates another cohort
    assert client.get(reverse("kpis:cohort", args=[venture.cohort.pk])).status_code == 404
    assert CashEntry.objects.count() == 1


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def _add_venture_with_months(cohort, n: int) -> None:
    venture = VentureFactory(cohort=cohort, name=f"Repostería {n}")
    for month in (3, 4):
        services.monthly_figure_save(
            venture=venture,
            month=date(2025, month, 1),
            sales=2,
            income=Decimal("100.10"),
            costs=Decimal("40.00"),
            customers=5,
            jobs=1,
        )


def test_the_cohort_page_sums_ventures_with_constant_queries(client, team):
    venture, coordinator = team[0], team[3]
    cohort = venture.cohort
    _add_venture_with_months(cohort, 0)
    client.force_login(coordinator)
    url = reverse("kpis:cohort", args=[cohort.pk])
    client.get(url)  # the first request of a session refreshes its last-seen time
    one, _page = _queries(client, url)
    for n in range(1, 10):
        _add_venture_with_months(cohort, n)
    ten, page = _queries(client, url)
    assert one == ten <= 12
    march = figures_for_cohort(cohort=cohort)[0]
    assert (march["income"], march["customers"], march["ventures"]) == (Decimal("1001.00"), 50, 10)
    assert "<svg" in page and "1001,00" in page and "Repostería 9" in page


def test_the_venture_page_queries_do_not_grow_with_months(client, team):
    venture, member = team[0], team[1]
    client.force_login(member)
    url = reverse("kpis:venture", args=[venture.pk])
    services.monthly_figure_save(
        venture=venture, month=date(2025, 1, 1), sales=1, income=Decimal("1"), costs=Decimal("1"), customers=1, jobs=1
    )
    client.get(url)
    one, _ = _queries(client, url)
    for month in range(2, 13):
        services.monthly_figure_save(
            venture=venture,
            month=date(2025, month, 1),
            sales=1,
            income=Decimal("1"),
            costs=Decimal("1"),
            customers=1,
            jobs=1,
        )
    assert _queries(client, url)[0] == one <= 12


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["0001-01", "9999-12", "0000-00", "2025-13", "99999-01"])
def test_a_month_out_of_range_shows_this_month_instead_of_failing(client, team, month):
    venture, member, _mentor, _coordinator = team
    client.force_login(member)
    for name in ("kpis:cash", "kpis:venture"):
        response = client.get(reverse(name, args=[venture.pk]), {"mes": month})
        assert response.status_code == 200, name
    assert response.context["form"].initial["month"] == timezone.localdate().replace(day=1)
