"""The financial sheet's computations: pure functions on Decimal (USD, 2 decimals), each result with one
plain Spanish sentence that says what the number means."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value) -> Decimal:
    """A USD amount rounded to cents (half up, as people round by hand)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def usd(value: Decimal) -> str:
    """'USD 1.250,50': the way amounts are written in Ecuador (comma for cents, dot for thousands)."""
    amount = money(value)
    text = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"USD -{text}" if amount < 0 else f"USD {text}"


def total(amounts: Iterable[Decimal]) -> Decimal:
    return money(sum((Decimal(a) for a in amounts), ZERO))


def margin_per_unit(*, price: Decimal, variable_cost: Decimal) -> Decimal:
    """What each unit sold leaves after paying what it costs to make it."""
    return money(Decimal(price) - Decimal(variable_cost))


def monthly_result(*, margin: Decimal, units: int, fixed_costs: Decimal) -> Decimal:
    """What is left (or missing) at the end of a month: margin times units sold, minus fixed costs."""
    return money(Decimal(margin) * units - Decimal(fixed_costs))


def break_even_units(*, fixed_costs: Decimal, margin: Decimal) -> int | None:
    """Units to sell each month to cover the fixed costs; None when each sale leaves nothing (margin <= 0)."""
    if margin <= 0:
        return None
    return int((Decimal(fixed_costs) / Decimal(margin)).to_integral_value(rounding=ROUND_CEILING))


def months_to_recover(*, startup_total: Decimal, monthly: Decimal) -> int | None:
    """Months until the start-up investment comes back; None when no month leaves a profit."""
    if monthly <= 0:
        return None
    return int((Decimal(startup_total) / Decimal(monthly)).to_integral_value(rounding=ROUND_CEILING))


@dataclass(frozen=True)
class Figure:
    """One result of the sheet: its value (None when it cannot be computed) and the sentence explaining it."""

    value: Decimal | int | None
    sentence: str


@dataclass(frozen=True)
class FinanceSummary:
    startup_total: Decimal
    fixed_total: Decimal
    margin: Figure
    monthly: Figure
    break_even: Figure
    recovery: Figure

    def as_json(self) -> dict:
        def figure(f: Figure) -> dict:
            return {"value": None if f.value is None else str(f.value), "sentence": f.sentence}

        return {
            "startup_total": str(self.startup_total),
            "fixed_total": str(self.fixed_total),
            "margin": figure(self.margin),
            "monthly": figure(self.monthly),
            "break_even": figure(self.break_even),
            "recovery": figure(self.recovery),
        }


def _margin_sentence(margin: Decimal, unit: str) -> str:
    if margin > 0:
        return _("Por cada %(unit)s ganas %(amount)s después de pagar los materiales.") % {
            "unit": unit,
            "amount": usd(margin),
        }
    if margin == 0:
        return _("Por cada %(unit)s no ganas nada: el precio solo alcanza para los materiales.") % {"unit": unit}
    return _("Por cada %(unit)s pierdes %(amount)s: el precio no alcanza para pagar los materiales.") % {
        "unit": unit,
        "amount": usd(-margin),
    }


def _monthly_sentence(monthly: Decimal, units: int) -> str:
    if units == 0:
        return _("Si no vendes nada en el mes, pierdes %(amount)s de costos fijos.") % {"amount": usd(-monthly)}
    if monthly > 0:
        return _("Si vendes %(units)s al mes, te quedan %(amount)s después de pagar los costos fijos.") % {
            "units": units,
            "amount": usd(monthly),
        }
    if monthly == 0:
        return _("Si vendes %(units)s al mes, cubres los costos fijos pero no te queda ganancia.") % {"units": units}
    return _("Si vendes %(units)s al mes, pierdes %(amount)s: no alcanza para los costos fijos.") % {
        "units": units,
        "amount": usd(-monthly),
    }


def _break_even_sentence(units: int | None, margin: Decimal, fixed_total: Decimal) -> str:
    if units is None:
        return _(
            "No hay punto de equilibrio: con este precio ninguna venta deja ganancia. "
            "Sube el precio o baja el costo de los materiales."
        )
    if fixed_total == 0:
        return _("No tienes costos fijos: ganas desde la primera venta.")
    return ngettext(
        "Necesitas vender %(units)s unidad al mes para cubrir tus costos fijos de %(fixed)s.",
        "Necesitas vender %(units)s unidades al mes para cubrir tus costos fijos de %(fixed)s.",
        units,
    ) % {"units": units, "fixed": usd(fixed_total)}


def _recovery_sentence(months: int | None, startup_total: Decimal) -> str:
    if months is None:
        return _("Con estos números no recuperas la inversión: al final del mes no queda ganancia.")
    if startup_total == 0:
        return _("No anotaste inversión inicial: no hay nada que recuperar.")
    return ngettext(
        "Recuperas la inversión inicial de %(total)s en %(months)s mes.",
        "Recuperas la inversión inicial de %(total)s en %(months)s meses.",
        months,
    ) % {"total": usd(startup_total), "months": months}


def summarize(
    *,
    startup_costs: Iterable[Decimal],
    fixed_costs: Iterable[Decimal],
    variable_cost: Decimal,
    price: Decimal,
    units: int,
    unit_name: str = "",
) -> FinanceSummary:
    """Every result of the sheet with its sentence."""
    unit = unit_name.strip() or _("unidad")
    startup_total, fixed_total = total(startup_costs), total(fixed_costs)
    margin = margin_per_unit(price=price, variable_cost=variable_cost)
    monthly = monthly_result(margin=margin, units=units, fixed_costs=fixed_total)
    even = break_even_units(fixed_costs=fixed_total, margin=margin)
    months = months_to_recover(startup_total=startup_total, monthly=monthly)
    return FinanceSummary(
        startup_total=startup_total,
        fixed_total=fixed_total,
        margin=Figure(margin, _margin_sentence(margin, unit)),
        monthly=Figure(monthly, _monthly_sentence(monthly, units)),
        break_even=Figure(even, _break_even_sentence(even, margin, fixed_total)),
        recovery=Figure(months, _recovery_sentence(months, startup_total)),
    )
