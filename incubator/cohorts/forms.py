from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.accounts.models import User
from cms.accounts.roles import Role
from incubator.cohorts.models import Participation


class ApplyForm(forms.Form):
    motivation = forms.CharField(
        label=_("¿Por qué quieres entrar a la incubadora?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Cuéntanos tu idea de negocio en pocas líneas."),
        error_messages={
            "required": _("Escribe por qué quieres entrar."),
            "max_length": _("Usa como máximo %(limit_value)d caracteres."),
        },
    )


class DropoutForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Motivo"),
        choices=Participation.DropoutReason.choices,
        error_messages={"required": _("Elige un motivo."), "invalid_choice": _("Elige un motivo de la lista.")},
    )
    note = forms.CharField(
        label=_("Nota"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Usa como máximo %(limit_value)d caracteres.")},
    )


def person_label(user) -> str:
    """A person as others know her: the full name, then the username that tells two namesakes apart."""
    full = user.get_full_name()
    return f"{full} ({user.username})" if full else user.username


class CohortAdminForm(WagtailAdminModelForm):
    """The cohort in the Wagtail admin: "Coordinación" offers only active staff with the coordination
    role, by name, not every account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("coordinators")
        if field is None:
            return
        field.queryset = User.objects.filter(groups__name=Role.COORDINATOR, is_active=True).order_by(
            "first_name", "last_name", "username"
        )
        field.label_from_instance = person_label
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
