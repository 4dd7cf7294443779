from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from incubator.kpis.models import CashEntry


class MoneyField(forms.DecimalField):
    """US dollars as people type them: "12,50", "12.50" or "$ 12.50"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("$", "").replace(" ", "").strip()
            if "," in value and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m", "%m/%Y", "%Y-%m-%d"])
        kwargs.setdefault("help_text", _("Año y mes, por ejemplo 2025-03."))
        super().__init__(**kwargs)

    def clean(self, value):
        day = super().clean(value)
        return day.replace(day=1) if day else day


class MonthlyFigureForm(forms.Form):
    month = MonthField(label=_("Mes"))
    sales = forms.IntegerField(label=_("Ventas (cuántas)"), min_value=0, max_value=1_000_000)
    income = MoneyField(label=_("Ingresos (US$)"), min_value=Decimal("0"))
    costs = MoneyField(label=_("Costos (US$)"), min_value=Decimal("0"))
    customers = forms.IntegerField(label=_("Clientes"), min_value=0, max_value=1_000_000)
    jobs = forms.IntegerField(label=_("Empleos"), min_value=0, max_value=10_000)


class CashEntryForm(forms.Form):
    date = forms.DateField(
        label=_("Fecha"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Por ejemplo 2025-03-15."),
    )
    kind = forms.ChoiceField(label=_("Tipo"), choices=CashEntry.Kind.choices, widget=forms.RadioSelect)
    amount = MoneyField(label=_("Monto (US$)"), min_value=Decimal("0.01"))
    note = forms.CharField(
        label=_("Nota"),
        max_length=200,
        required=False,
        help_text=_("Por ejemplo: venta de 3 macetas, compra de pintura."),
    )
