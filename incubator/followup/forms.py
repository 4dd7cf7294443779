from django import forms
from django.utils.translation import gettext_lazy as _

from incubator.followup.models import FollowUp


class FollowUpForm(forms.Form):
    operating = forms.TypedChoiceField(
        label=_("¿Tu negocio sigue funcionando?"),
        choices=(("si", _("Sí")), ("no", _("No"))),
        coerce=lambda value: value == "si",
        widget=forms.RadioSelect,
    )
    income_band = forms.ChoiceField(
        label=_("¿Cuánto gana tu negocio al mes?"), choices=[("", "—"), *FollowUp.Income.choices], required=False
    )
    jobs = forms.IntegerField(
        label=_("¿Cuántas personas trabajan en él, contándote?"), min_value=0, max_value=500, required=False
    )
    stop_reason = forms.ChoiceField(
        label=_("Si cerró, ¿por qué?"), choices=[("", "—"), *FollowUp.StopReason.choices], required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("operating") is False and not data.get("stop_reason"):
            self.add_error("stop_reason", _("Cuéntanos por qué cerró."))
        return data
