from django import forms
from django.utils.translation import gettext_lazy as _

from cms.indicators.satisfaction import RATING_CHOICES  # one scale for every survey


class SatisfactionForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("¿Qué tan satisfecha o satisfecho estás con el curso?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elige una opción."), "invalid_choice": _("Elige una de las opciones.")},
    )
    comment = forms.CharField(
        label=_("Comentario (opcional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("¿Qué te gustó? ¿Qué podemos mejorar? Hasta 2000 caracteres."),
        error_messages={"max_length": _("Escribe como máximo %(limit_value)d caracteres (tienes %(show_value)d).")},
    )
