"""What a business plan holds, as plain values: the canvas blocks and narrative sections with their guiding
questions, and the conversions between a plan, a dict of values, a frozen snapshot and a field-by-field diff."""

from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from incubator.plans import finance


class TextSection(NamedTuple):
    name: str
    label: str
    question: str


CANVAS_BLOCKS: tuple[TextSection, ...] = (
    TextSection(
        "customer_segments", _("Segmentos de clientes"), _("¿Quiénes te compran? ¿Dónde están y qué necesitan?")
    ),
    TextSection(
        "value_proposition",
        _("Propuesta de valor"),
        _("¿Por qué te compran a ti y no a otra persona? ¿Qué problema les resuelves?"),
    ),
    TextSection("channels", _("Canales"), _("¿Cómo te conocen tus clientes y cómo les llega el producto?")),
    TextSection(
        "customer_relationships",
        _("Relación con clientes"),
        _("¿Cómo atiendes a tus clientes para que vuelvan y te recomienden?"),
    ),
    TextSection(
        "revenue_streams", _("Fuentes de ingresos"), _("¿Por qué te pagan, cuánto y cómo (efectivo, transferencia)?")
    ),
    TextSection(
        "key_resources",
        _("Recursos clave"),
        _("¿Qué necesitas para trabajar: herramientas, local, materiales, conocimientos?"),
    ),
    TextSection("key_activities", _("Actividades clave"), _("¿Qué haces cada semana para que el negocio funcione?")),
    TextSection(
        "key_partners",
        _("Socios clave"),
        _("¿Quiénes te ayudan: proveedores, familia, cooperativas, otras organizaciones?"),
    ),
    TextSection(
        "cost_structure", _("Estructura de costos"), _("¿En qué gastas más dinero para que el negocio funcione?")
    ),
)

NARRATIVE_SECTIONS: tuple[TextSection, ...] = (
    TextSection(
        "summary", _("Resumen"), _("Cuenta tu negocio en pocas líneas: qué vendes, a quién y por qué te eligen.")
    ),
    TextSection("problem", _("El problema"), _("¿Qué problema o necesidad tienen tus clientes hoy?")),
    TextSection(
        "market", _("El mercado"), _("¿Cuántos clientes posibles hay cerca? ¿Quién más vende lo mismo y a qué precio?")
    ),
    TextSection("team", _("El equipo"), _("¿Quiénes trabajan en el negocio y qué sabe hacer cada persona?")),
)

TEXT_SECTIONS = CANVAS_BLOCKS + NARRATIVE_SECTIONS
TEXT_FIELDS = tuple(s.name for s in TEXT_SECTIONS)
TEXT_MAX_LENGTH = 4000
ROW_FIELDS = ("startup_costs", "fixed_costs")
NUMBER_FIELDS = ("unit_name", "price_per_unit", "variable_cost_per_unit", "expected_monthly_units")
ALL_FIELDS = TEXT_FIELDS + NUMBER_FIELDS + ROW_FIELDS

LABELS = {
    **{s.name: s.label for s in TEXT_SECTIONS},
    "unit_name": _("Qué vendes (una unidad)"),
    "price_per_unit": _("Precio de venta por unidad"),
    "variable_cost_per_unit": _("Costo de materiales por unidad"),
    "expected_monthly_units": _("Unidades que esperas vender al mes"),
    "startup_costs": _("Inversión inicial"),
    "fixed_costs": _("Costos fijos del mes"),
}

RESULT_LABELS = {
    "margin": _("Margen por unidad"),
    "monthly": _("Resultado del mes"),
    "break_even": _("Punto de equilibrio"),
    "recovery": _("Recuperación de la inversión"),
}


def plan_values(plan) -> dict:
    """The plan's content as plain JSON values (amounts as '12.50' strings); the unit of save, snapshot
    and compare."""
    values = {name: getattr(plan, name) for name in TEXT_FIELDS}
    values.update(
        {
            "unit_name": plan.unit_name,
            "price_per_unit": str(finance.money(plan.price_per_unit)),
            "variable_cost_per_unit": str(finance.money(plan.variable_cost_per_unit)),
            "expected_monthly_units": int(plan.expected_monthly_units),
            "startup_costs": [dict(row) for row in plan.startup_costs],
            "fixed_costs": [dict(row) for row in plan.fixed_costs],
        }
    )
    return values


def finance_of(values: dict) -> finance.FinanceSummary:
    return finance.summarize(
        startup_costs=[Decimal(r["amount"]) for r in values["startup_costs"]],
        fixed_costs=[Decimal(r["amount"]) for r in values["fixed_costs"]],
        variable_cost=Decimal(values["variable_cost_per_unit"]),
        price=Decimal(values["price_per_unit"]),
        units=int(values["expected_monthly_units"]),
        unit_name=values["unit_name"],
    )


def snapshot_of(values: dict) -> dict:
    """A frozen copy: every field plus the financial results as they were computed at that moment."""
    return {"fields": values, "finance": finance_of(values).as_json()}


def display(name: str, value) -> str:
    """A field's value as a person reads it (rows one per line, amounts in USD)."""
    if name in ROW_FIELDS:
        return "\n".join(f"{row['description']}: {finance.usd(Decimal(row['amount']))}" for row in value)
    if name in ("price_per_unit", "variable_cost_per_unit"):
        return finance.usd(Decimal(value))
    return str(value)


def changed_fields(old: dict, new: dict) -> list[str]:
    """Names of the fields whose values differ, in the order of the form."""
    return [name for name in ALL_FIELDS if old.get(name) != new.get(name)]
