"""Server-rendered SVG charts: readable without JavaScript, described for screen readers, no script inside."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 48, 36, 44
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
    parts = [_("%(month)s: ingresos %(income)s, costos %(costs)s, %(customers)s clientes.") % {
        "month": date_format(p.month, "F Y"), "income": usd(p.income), "costs": usd(p.costs),
        "customers": p.customers} for p in points]
    return " ".join([_("Ingresos y costos en dólares por mes (barras) y número de clientes (línea)."), *parts])


def _axes(money_top: Decimal, customers_top: int, plot_h: float) -> list[str]:
    out = []
    for i in range(5):
        y = TOP + plot_h - plot_h * i / 4
        value = money_top * i / 4
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{GRID_COLOR}"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(number_format(value, 0))}</text>')
        right = customers_top * i / 4
        out.append(f'<text x="{WIDTH - RIGHT + 6}" y="{y + 4:.1f}" fill="{CUSTOMERS_COLOR}">'
                   f'{escape(number_format(right, 0))}</text>')
    return out


def _legend() -> list[str]:
    items = [(INCOME_COLOR, _("Ingresos (US$)")), (COSTS_COLOR, _("Costos (US$)")), (CUSTOMERS_COLOR, _("Clientes"))]
    out, x = [], LEFT
    for color, label in items:
        out.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{color}"/>')
        out.append(f'<text x="{x + 16}" y="18">{escape(label)}</text>')
        x += 24 + 8 * len(label)
    return out


def kpi_chart(*, chart_id: str, title: str, points: list[MonthPoint]) -> SafeString:
    """Bars for income vs costs by month and a line for customers, as an accessible inline <svg>."""
    if not points:
        return mark_safe("")
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    money_top = _nice_max(max(max(p.income, p.costs) for p in points))
    customers_top = int(_nice_max(Decimal(max(p.customers for p in points))))
    slot = plot_w / len(points)
    bar = min(slot * 0.35, 40)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="chart" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" font-family="system-ui,sans-serif" font-size="12">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(_describe(points))}</desc>',
        *_axes(money_top, customers_top, plot_h), *_legend(),
    ]
    line = []
    for i, p in enumerate(points):
        center = LEFT + slot * i + slot / 2
        for offset, value, color, name in ((-bar, p.income, INCOME_COLOR, _("Ingresos")),
                                           (0, p.costs, COSTS_COLOR, _("Costos"))):
            h = float(value / money_top) * plot_h
            label = f"{name} {_month_label(p.month)}: {usd(value)}"
            parts.append(f'<rect x="{center + offset:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" '
                         f'height="{h:.1f}" fill="{color}"><title>{escape(label)}</title></rect>')
        y = TOP + plot_h - plot_h * p.customers / customers_top
        line.append((center, y, p))
        parts.append(f'<text x="{center:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">'
                     f'{escape(_month_label(p.month))}</text>')
    points_attr = " ".join(f"{x:.1f},{y:.1f}" for x, y, _p in line)
    parts.append(f'<polyline points="{points_attr}" fill="none" stroke="{CUSTOMERS_COLOR}" stroke-width="2"/>')
    for x, y, p in line:
        label = _("%(month)s: %(n)s clientes") % {"month": _month_label(p.month), "n": p.customers}
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{CUSTOMERS_COLOR}">'
                     f'<title>{escape(label)}</title></circle>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text piece above went through escape()
