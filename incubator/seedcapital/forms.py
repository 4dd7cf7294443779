"""Plain forms for the ledger pages: they validate shape; the services check amounts and quantities."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from incubator.seedcapital.models import CENT

PHOTO_ACCEPT = {"accept": "image/jpeg,image/png,image/webp"}
MAX_USD = Decimal("99999999.99")


def _money_field(label) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=MAX_USD,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )


class GoodsItemForm(forms.Form):
    description = forms.CharField(label=_("Artículo"), max_length=200)
    quantity = forms.IntegerField(label=_("Cantidad"), min_value=1, max_value=100000)
    supplier = forms.CharField(label=_("Proveedor"), max_length=150)
    unit_cost = _money_field(_("Costo unitario (US$)"))

    def clean_unit_cost(self):
        value = self.cleaned_data["unit_cost"]
        if value < CENT:
            raise forms.ValidationError(_("El costo debe ser mayor que cero."))
        return value


def _item_label(item) -> str:
    return str(item.description)


class _ItemQuantitiesForm(forms.Form):
    """A quantity field per plan item, named qty_<item id>, 0 by default; `chosen()` lists the non-zero ones."""

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"qty_{item.pk}"] = forms.IntegerField(
                label=_item_label(item), min_value=0, max_value=100000, initial=0, required=False
            )

    def item_fields(self):
        return [self[f"qty_{item.pk}"] for item in self.items]

    def chosen(self) -> list[tuple]:
        return [
            (item, self.cleaned_data.get(f"qty_{item.pk}") or 0)
            for item in self.items
            if self.cleaned_data.get(f"qty_{item.pk}")
        ]


class PurchaseForm(_ItemQuantitiesForm):
    purchased_on = forms.DateField(
        label=_("Fecha de compra"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Por ejemplo 2025-06-30."),
    )
    supplier = forms.CharField(label=_("Proveedor"), max_length=150)
    receipt = forms.FileField(
        label=_("Foto de la factura (opcional)"),
        required=False,
        help_text=_("JPG, PNG o WebP, hasta 5 MB."),
        widget=forms.ClearableFileInput(attrs=PHOTO_ACCEPT),
    )

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, items=items, **kwargs)
        for item in self.items:
            self.fields[f"qty_{item.pk}"].label = _("Cantidad comprada")
            self.fields[f"cost_{item.pk}"] = _money_field(_("Costo real total (US$)"))
            self.fields[f"cost_{item.pk}"].required = False

    def item_rows(self):
        return [(item, self[f"qty_{item.pk}"], self[f"cost_{item.pk}"]) for item in self.items]

    def clean(self):
        data = super().clean()
        chosen = 0
        for item in self.items:
            if data.get(f"qty_{item.pk}"):
                chosen += 1
                if data.get(f"cost_{item.pk}") is None and f"cost_{item.pk}" not in self.errors:
                    self.add_error(f"cost_{item.pk}", _("Escribe cuánto costó."))
        if not chosen:
            raise forms.ValidationError(_("Indica al menos un artículo comprado."))
        return data

    def chosen_with_cost(self) -> list[tuple]:
        return [(item, qty, self.cleaned_data[f"cost_{item.pk}"]) for item, qty in self.chosen()]


class DeliveryForm(_ItemQuantitiesForm):
    planned_on = forms.DateField(
        label=_("Fecha de entrega"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Por ejemplo 2025-06-30. Solo la ven la coordinación y el equipo."),
    )
    place = forms.CharField(
        label=_("Lugar de entrega"), max_length=200, help_text=_("Solo lo ven la coordinación y el equipo.")
    )

    def clean(self):
        data = super().clean()
        if not any(data.get(f"qty_{item.pk}") for item in self.items):
            raise forms.ValidationError(_("Indica al menos un artículo para entregar."))
        return data


class ConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Código que dice quien recibe"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    witness_name = forms.CharField(label=_("Nombre del testigo"), max_length=150)
    photo = forms.FileField(
        label=_("Foto de la entrega (opcional)"),
        required=False,
        help_text=_("JPG, PNG o WebP, hasta 5 MB."),
        widget=forms.ClearableFileInput(attrs=PHOTO_ACCEPT),
    )
