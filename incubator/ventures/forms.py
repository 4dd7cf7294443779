from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cms.accounts.roles import Role
from incubator.ventures.models import Venture

_LONG = {"max_length": _("Usa como máximo %(limit_value)d caracteres.")}


class VentureForm(forms.ModelForm):
    cohort = forms.ModelChoiceField(
        label=_("Cohorte"),
        queryset=None,
        empty_label=None,
        error_messages={"required": _("Elige la cohorte."), "invalid_choice": _("Elige una de tus cohortes.")},
    )

    class Meta:
        model = Venture
        fields = ["name", "sector", "description", "city"]
        labels = {
            "name": _("Nombre del emprendimiento"),
            "sector": _("Sector"),
            "description": _("¿Qué vendes y a quién?"),
            "city": _("Ciudad"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "name": {"required": _("Escribe el nombre."), **_LONG},
            "sector": {"required": _("Elige un sector."), "invalid_choice": _("Elige un sector de la lista.")},
            "description": {"required": _("Cuéntanos qué vendes y a quién."), **_LONG},
            "city": {"required": _("Escribe la ciudad."), **_LONG},
        }

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        from incubator.cohorts.models import Cohort

        self.fields["cohort"].queryset = Cohort.objects.filter(pk__in=[c.pk for c in cohorts])
        self.order_fields(["cohort", "name", "sector", "description", "city"])


class MemberAddForm(forms.Form):
    username = forms.CharField(
        label=_("Usuario de la persona"),
        max_length=150,
        help_text=_("Debe estar aceptada en la misma cohorte."),
        error_messages={"required": _("Escribe el usuario."), **_LONG},
    )


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    """People listed by their name, with the username to tell two namesakes apart."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.display_name} ({obj.username})"


class MentorsForm(forms.Form):
    mentors = PersonMultipleChoiceField(
        label=_("Mentores"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        queryset=get_user_model().objects.filter(groups__name=Role.MENTOR.value).order_by("first_name", "username"),
    )
