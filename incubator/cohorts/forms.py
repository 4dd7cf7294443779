from django import forms
from django.utils.translation import gettext_lazy as _

from incubator.cohorts.models import Participation


class ApplyForm(forms.Form):
    motivation = forms.CharField(
        label=_("¿Por qué quieres entrar a la incubadora?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Cuéntanos tu idea de negocio en pocas líneas."),
        error_messages={"required": _("Escribe por qué quieres entrar."),
                        "max_length": _("Usa como máximo %(limit_value)d caracteres.")},
    )


class DropoutForm(forms.Form):
    reason = forms.ChoiceField(label=_("Motivo"), choices=Participation.DropoutReason.choices,
                               error_messages={"required": _("Elige un motivo."),
                                               "invalid_choice": _("Elige un motivo de la lista.")})
    note = forms.CharField(label=_("Nota"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"max_length": _("Usa como máximo %(limit_value)d caracteres.")})
