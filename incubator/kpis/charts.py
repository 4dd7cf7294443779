"""Server-rendered SVG charts: readable without JavaScript, described for screen readers, no script inside."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Drawn for a phone: at 390 px wide the chart is about 324 px, so one unit is about one CSS pixel and the
# text stays near 12 px; on wider screens the CSS caps its width (issue 16, item 15).
WIDTH, HEIGHT = 340, 240
TOP, BOTTOM, FONT = 14, 40, 13
CHAR = 0.62 * FONT  # a generous width of one digit or letter, to keep labels apart
INCOME_COLOR, COSTS_COLOR, CUSTOMERS_COLOR, GRID_COLOR = "#2f6b3a", "#c2571a", "#1d4e89", "#d8dcd3"


@dataclass(frozen=True)
class MonthPoint:
    month: date
    income: Decimal
    costs: Decimal
    customers: int


def usd(value: Decimal) -> str:
    return _("US$ %(amount)s") % {"amount": number_format(value, 2)}


def _nice_max(value: Decimal) -> Decimal:
    """A round axis top at or above value: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return Decimal(1)
    power = Decimal(10) ** (len(str(int(value.to_integral_value(rounding=ROUND_CEILING)))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _month_label(month: date) -> str:
    return date_format(month, "M Y")


def _describe(points: list[MonthPoint]) -> str:
    parts = [
        ngettext(
            "%(month)s: ingresos %(income)s, costos %(costs)s, %(customers)s cliente.",
            "%(month)s: ingresos %(income)s, costos %(costs)s, %(customers)s clientes.",
            p.customers,
        )
        % {
            "month": date_format(p.month, "F Y"),
            "income": usd(p.income),
            "costs": usd(p.costs),
            "customers": p.customers,
        }
        for p in points
    ]
    return " ".join([_("Ingresos y costos en dólares por mes (barras) y número de clientes (línea)."), *parts])


def _ticks(top) -> list[str]:
    return [number_format(top * i / 4, 0) for i in range(5)]


def _axes(money: list[str], customers: list[str], left: float, right: float, plot_h: float) -> list[str]:
    out = []
    for i, (value, count) in enumerate(zip(money, customers, strict=True)):
        y = TOP + plot_h - plot_h * i / 4
        out.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{WIDTH - right:.1f}" y2="{y:.1f}" stroke="{GRID_COLOR}"/>')
        out.append(f'<text x="{left - 4:.1f}" y="{y + 4:.1f}" text-anchor="end">{escape(value)}</text>')
        out.append(f'<text x="{WIDTH - right + 4:.1f}" y="{y + 4:.1f}" fill="{CUSTOMERS_COLOR}">{escape(count)}</text>')
    return out


def _month_labels(points: list[MonthPoint], centers: list[float], slot: float) -> list[str]:
    """The short month under its bars, every few months when they are many; the year under the first label
    of each year."""
    step = max(1, -(-int(CHAR * 4 + 4) // max(int(slot), 1)))
    out, last_year = [], None
    for i in range(0, len(points), step):
        month, x = points[i].month, centers[i]
        out.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">'
            f"{escape(date_format(month, 'M'))}</text>"
        )
        if month.year != last_year:
            out.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 32}" text-anchor="middle">{month.year}</text>')
            last_year = month.year
    return out


def _swatch(color: str, *, line: bool = False) -> str:
    shape = f'<rect width="14" height="14" fill="{color}"/>'
    if line:
        shape = (
            f'<line x1="0" y1="7" x2="14" y2="7" stroke="{color}" stroke-width="2"/>'
            f'<circle cx="7" cy="7" r="4" fill="{color}"/>'
        )
    return f'<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">{shape}</svg>'


def _legend() -> str:
    """The key as HTML next to the chart: it wraps on a phone and keeps the page's text size."""
    items = [
        (_swatch(INCOME_COLOR), _("Ingresos (US$)")),
        (_swatch(COSTS_COLOR), _("Costos (US$)")),
        (_swatch(CUSTOMERS_COLOR, line=True), _("Clientes (línea, eje derecho)")),
    ]
    rows = "".join(f"<li>{swatch} {escape(text)}</li>" for swatch, text in items)
    return f'<ul class="chart-legend">{rows}</ul>'


def kpi_chart(*, chart_id: str, title: str, points: list[MonthPoint]) -> SafeString:
    """Bars for income vs costs by month and a line for customers, as an accessible inline <svg>, after its
    legend in HTML."""
    if not points:
        return mark_safe("")
    money_top = _nice_max(max(max(p.income, p.costs) for p in points))
    customers_top = int(_nice_max(Decimal(max(p.customers for p in points))))
    money, customers = _ticks(money_top), _ticks(customers_top)
    left = 6 + CHAR * max(len(label) for label in money)
    right = max(6 + CHAR * max(len(label) for label in customers), CHAR * 2)  # room for half a year label too
    plot_w, plot_h = WIDTH - left - right, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(points)
    bar = min(slot * 0.35, 24)
    parts = [
        _legend(),
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="chart" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" font-family="system-ui,sans-serif" font-size="{FONT}">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(_describe(points))}</desc>',
        *_axes(money, customers, left, right, plot_h),
    ]
    line, centers = [], []
    for i, p in enumerate(points):
        center = left + slot * i + slot / 2
        centers.append(center)
        for offset, value, color, name in (
            (-bar, p.income, INCOME_COLOR, _("Ingresos")),
            (0, p.costs, COSTS_COLOR, _("Costos")),
        ):
            h = float(value / money_top) * plot_h
            label = f"{name} {_month_label(p.month)}: {usd(value)}"
            parts.append(
                f'<rect x="{center + offset:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{color}"><title>{escape(label)}</title></rect>'
            )
        y = TOP + plot_h - plot_h * p.customers / customers_top
        line.append((center, y, p))
    parts.extend(_month_labels(points, centers, slot))
    points_attr = " ".join(f"{x:.1f},{y:.1f}" for x, y, _p in line)
    parts.append(f'<polyline points="{points_attr}" fill="none" stroke="{CUSTOMERS_COLOR}" stroke-width="2"/>')
    for x, y, p in line:
        label = ngettext("%(month)s: %(n)s cliente", "%(month)s: %(n)s clientes", p.customers) % {
            "month": _month_label(p.month),
            "n": p.customers,
        }
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{CUSTOMERS_COLOR}"><title>{escape(label)}</title></circle>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text piece above went through escape()
