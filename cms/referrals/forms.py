"""Forms of the referral pages: shape only; the rules live in referrals.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.referrals.models import PartnerService, Referral, ServiceType


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PartnerService) -> str:
        return f"{obj.organisation.name} · {obj.get_service_type_display()} · {obj.city}"


class ReferralForm(forms.Form):
    """Coordination drafts (and sends) a referral; she ticks the consent the person gave at the center."""

    SEND = "enviar"
    DRAFT = "borrador"

    participant = forms.ModelChoiceField(queryset=None, label=_("Participante"), empty_label=_("Elige a la persona"))
    service = ServiceChoiceField(
        queryset=None, label=_("Organización y servicio"), empty_label=_("Elige la organización y el servicio")
    )
    need = forms.CharField(
        label=_("Qué necesita"),
        max_length=300,
        help_text=_("Corto y sin datos de más. La organización lo leerá."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact = forms.CharField(
        label=_("Cómo prefiere que la contacten"),
        max_length=120,
        help_text=_("El teléfono u otro medio que ella eligió. La organización lo verá."),
    )
    consent = forms.BooleanField(
        label=_("Ella leyó (o le leí) el texto de abajo y acepta compartir estos datos con esa organización."),
        required=False,
    )

    def __init__(self, *args, participants, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants
        self.fields["service"].queryset = services


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo"),
        max_length=300,
        help_text=_("Por ejemplo: no hay cupos este mes, o no atendemos en su ciudad."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Nota (opcional)"), max_length=300, required=False)


class FilterForm(forms.Form):
    """The list's filters, read from the query string; bad values are ignored."""

    estado = forms.ChoiceField(
        label=_("Estado"), required=False, choices=[("", _("Todos"))] + list(Referral.State.choices)
    )
    servicio = forms.ChoiceField(
        label=_("Servicio"), required=False, choices=[("", _("Todos"))] + list(ServiceType.choices)
    )
    atrasadas = forms.BooleanField(label=_("Solo las atrasadas"), required=False)
