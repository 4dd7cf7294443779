import copy

from django import forms
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.accounts.models import User
from cms.accounts.roles import Role
from incubator.cohorts.forms import person_label
from incubator.mentoring import selectors
from incubator.mentoring.models import MESSAGE_MAX_LENGTH, NOTES_MAX_LENGTH

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _people_with_role(role: str):
    return User.objects.filter(groups__name=role, is_active=True).order_by("first_name", "last_name", "username")


class PeopleField(forms.ModelMultipleChoiceField):
    """A checkbox list of people by name, which a search may narrow without narrowing what is accepted."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return person_label(obj)

    def show_only(self, queryset) -> None:
        """List only `queryset` (a search's matches); what the field accepts stays its own queryset."""
        shown = copy.copy(self)
        shown.queryset = queryset  # sets the shared widget's choices to this narrower list


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class SessionScheduleForm(forms.Form):
    topic = forms.CharField(label=_("Tema"), max_length=200)
    description = forms.CharField(label=_("Descripción"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    starts_at = forms.DateTimeField(label=_("Inicio"), input_formats=[DATETIME_FORMAT], widget=DateTimeLocalInput())
    ends_at = forms.DateTimeField(label=_("Fin"), input_formats=[DATETIME_FORMAT], widget=DateTimeLocalInput())
    video_url = forms.URLField(
        label=_("Enlace de video (opcional)"),
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Un enlace de Jitsi o BigBlueButton. Se muestra solo como enlace."),
    )
    location = forms.CharField(label=_("Lugar (si es presencial)"), max_length=200, required=False)
    mentors = PeopleField(label=_("Mentores"), queryset=User.objects.none(), required=False)
    participants = PeopleField(
        label=_("Participantes"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Solo aparecen las personas de tus emprendimientos, cursos o cohortes."),
        error_messages={"invalid_choice": _("No puedes invitar a esta persona.")},
    )
    cohort = forms.ModelChoiceField(
        label=_("Cohorte (opcional)"),
        queryset=None,
        required=False,
        help_text=_("Entran todas las personas aceptadas en la cohorte."),
        error_messages={"invalid_choice": _("No puedes invitar a esta cohorte.")},
    )
    ventures = forms.ModelMultipleChoiceField(
        label=_("Emprendimientos (opcional)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Entra todo el equipo de cada emprendimiento."),
        error_messages={
            "invalid_choice": _("Solo puedes invitar a emprendimientos que mentoreas o de tus cohortes."),
            "invalid_pk_value": _("Solo puedes invitar a emprendimientos que mentoreas o de tus cohortes."),
        },
    )

    def __init__(self, *args, user, require_mentor: bool = False, search: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentors"].queryset = _people_with_role(Role.MENTOR)
        # Only the people this person works with (data minimisation); a search narrows the list shown.
        self.fields["participants"].queryset = selectors.schedulable_people(user=user)
        if search:
            chosen = [v for v in self.data.getlist("participants") if v.isdigit()] if self.is_bound else []
            matches = selectors.schedulable_people(user=user, search=search).values("pk")
            self.fields["participants"].show_only(
                self.fields["participants"].queryset.filter(Q(pk__in=matches) | Q(pk__in=chosen))
            )
        self.fields["mentors"].required = require_mentor
        # Only what this person may invite; the service checks the same rule again.
        self.fields["cohort"].queryset = selectors.schedulable_cohorts(user=user)
        self.fields["ventures"].queryset = selectors.schedulable_ventures(user=user)

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("El fin debe ser después del inicio."))
        return data


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Tu mensaje"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MESSAGE_MAX_LENGTH, "data-write": True}),
    )


class NotesForm(forms.Form):
    """The shared notes without JavaScript: the text and the version the edit started from."""

    texto = forms.CharField(
        label=_("Editar las notas"),
        required=False,
        strip=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": NOTES_MAX_LENGTH}),
    )
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class PollForm(forms.Form):
    pregunta = forms.CharField(label=_("Nueva pregunta"), max_length=300)
    opciones = forms.CharField(
        label=_("Respuestas, una por línea (de 2 a 6)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def options(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["opciones"].splitlines() if line.strip()]


class SessionAdminForm(WagtailAdminModelForm):
    """The session in the Wagtail admin: participants only among the people the person works with (those
    already invited stay listed), everyone by name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mentors, participants = self.fields.get("mentors"), self.fields.get("participants")
        if mentors is not None:
            mentors.queryset = _people_with_role(Role.MENTOR)
            mentors.label_from_instance = person_label
        if participants is not None and self.for_user is not None:
            invited = Q(pk__in=self.instance.participants.values("pk")) if self.instance.pk else Q(pk__in=[])
            participants.queryset = User.objects.filter(
                Q(pk__in=selectors.schedulable_people(user=self.for_user).values("pk")) | invited
            ).order_by("first_name", "last_name", "username")
            participants.label_from_instance = person_label
