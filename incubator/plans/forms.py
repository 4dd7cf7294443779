"""The plan's one big form: every canvas block, narrative section and financial row, plus the revision it
was loaded from. Amounts accept what people type ("3,50", "$ 1.200", "12.5")."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from incubator.plans import finance
from incubator.plans.fields import ALL_FIELDS, LABELS, ROW_FIELDS, TEXT_MAX_LENGTH, TEXT_SECTIONS

MAX_AMOUNT = Decimal("9999999.99")
MAX_ROWS = 30
EMPTY_ROWS = 3
ROW_PREFIX = {"startup_costs": "inversion", "fixed_costs": "fijo"}
KEEP_SAVED = "guardado"


def parse_amount(text: str) -> Decimal:
    """'$ 1.200,50' -> 1200.50. The last comma or dot followed by one or two digits marks the cents."""
    cleaned = re.sub(r"(?i)usd|\$|\s", "", text or "")
    if not cleaned:
        return Decimal("0.00")
    match = re.fullmatch(r"(-?[\d.,]*?)(?:[.,](\d{1,2}))?", cleaned)
    whole = match.group(1).replace(".", "").replace(",", "") if match else ""
    digits = whole.lstrip("-")
    if not match or not (digits.isdigit() or (digits == "" and match.group(2))):
        raise InvalidOperation(text)
    whole = whole if digits else whole + "0"
    return finance.money(Decimal(f"{whole}.{match.group(2) or '0'}"))


def amount_input(value) -> str:
    """An amount as it goes back into an input: '3,50'."""
    return str(finance.money(Decimal(value))).replace(".", ",")


class MoneyField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        super().__init__(widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}), **kwargs)

    def clean(self, value):
        text = super().clean(value)
        try:
            amount = parse_amount(text)
        except InvalidOperation:
            raise forms.ValidationError(_("Escribe un monto en dólares, por ejemplo 12,50."), code="invalid") from None
        if amount < 0:
            raise forms.ValidationError(_("El monto no puede ser negativo."), code="negative")
        if amount > MAX_AMOUNT:
            raise forms.ValidationError(_("El monto es demasiado grande."), code="too_big")
        return amount


def _row_count(data, initial_rows: list, prefix: str) -> int:
    if data is not None:
        indexes = [int(m.group(1)) for key in data.keys() if (m := re.fullmatch(rf"{prefix}-(\d+)-\w+", key))]
        return min(max(indexes, default=-1) + 1, MAX_ROWS)
    return min(len(initial_rows) + EMPTY_ROWS, MAX_ROWS)


class PlanForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    unit_name = forms.CharField(
        label=LABELS["unit_name"],
        max_length=60,
        required=False,
        help_text=_("Por ejemplo: maceta, torta, corte de cabello."),
    )
    price_per_unit = MoneyField(label=LABELS["price_per_unit"], help_text=_("En dólares, por ejemplo 8,00."))
    variable_cost_per_unit = MoneyField(
        label=LABELS["variable_cost_per_unit"], help_text=_("Lo que gastas en materiales para hacer una unidad.")
    )
    expected_monthly_units = forms.IntegerField(
        label=LABELS["expected_monthly_units"],
        required=False,
        min_value=0,
        max_value=1_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Escribe un número entero, por ejemplo 40.")},
    )

    def __init__(self, data=None, *, initial_values: dict | None = None, **kwargs):
        values = initial_values or {}
        super().__init__(data, **kwargs)
        for section in TEXT_SECTIONS:
            self.fields[section.name] = forms.CharField(
                label=section.label,
                help_text=section.question,
                required=False,
                max_length=TEXT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.row_names: dict[str, list[tuple[str, str]]] = {}
        for name in ROW_FIELDS:
            rows = values.get(name, [])
            prefix = ROW_PREFIX[name]
            self.row_names[name] = []
            for i in range(_row_count(data, rows, prefix)):
                desc, amount = f"{prefix}-{i}-descripcion", f"{prefix}-{i}-monto"
                self.fields[desc] = forms.CharField(
                    label=_("Gasto %(n)s") % {"n": i + 1}, max_length=120, required=False
                )
                self.fields[amount] = MoneyField(label=_("Monto del gasto %(n)s (USD)") % {"n": i + 1})
                if i < len(rows):
                    self.initial[desc] = rows[i]["description"]
                    self.initial[amount] = amount_input(rows[i]["amount"])
                self.row_names[name].append((desc, amount))
        for name in ALL_FIELDS:
            if name not in ROW_FIELDS and name in values:
                value = values[name]
                if name in ("price_per_unit", "variable_cost_per_unit"):
                    value = amount_input(value)
                self.initial[name] = value
        if "revision" in values:
            self.initial["revision"] = values["revision"]

    def clean(self):
        cleaned = super().clean()
        for name in ROW_FIELDS:
            for desc, amount in self.row_names[name]:
                if desc in self.errors or amount in self.errors:
                    continue
                has_text, value = bool(cleaned.get(desc)), cleaned.get(amount) or Decimal("0")
                if value and not has_text:
                    self.add_error(desc, _("Escribe en qué se gasta este monto."))
                elif has_text and not self.data.get(self.add_prefix(amount), "").strip():
                    self.add_error(amount, _("Escribe el monto en dólares, por ejemplo 12,50."))
        return cleaned

    def rows_label(self, name: str) -> str:
        return LABELS[name]

    def rows(self, name: str) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[desc], self[amount]) for desc, amount in self.row_names[name]]

    def values(self) -> dict:
        """The cleaned form as plan values (see fields.plan_values)."""
        data = self.cleaned_data
        values = {s.name: data.get(s.name, "") for s in TEXT_SECTIONS}
        values["unit_name"] = data.get("unit_name", "")
        values["price_per_unit"] = str(data["price_per_unit"])
        values["variable_cost_per_unit"] = str(data["variable_cost_per_unit"])
        values["expected_monthly_units"] = data.get("expected_monthly_units") or 0
        for name in ROW_FIELDS:
            values[name] = [
                {"description": data[desc].strip(), "amount": str(data[amount])}
                for desc, amount in self.row_names[name]
                if data.get(desc)
            ]
        return values

    def fields_kept_from_saved(self) -> list[str]:
        """After a conflict, the fields where the person chose the saved text over their own."""
        return [name for name in ALL_FIELDS if self.data.get(f"elegir-{name}") == KEEP_SAVED]
