from django import forms
from django.utils.translation import gettext_lazy as _

from cms.accounts.models import Participant
from cms.people.forms import PHONE
from cms.privacy.models import PrivacyRequest


class EraseConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("Entiendo que esto no se puede deshacer."))


class CenterRequestForm(forms.Form):
    """A coordinator files a request for a person at a center, after seeing her document."""

    kind = forms.ChoiceField(label=_("Qué pide"), choices=PrivacyRequest.Kind.choices)
    identity_check = forms.CharField(
        label=_("Cómo verificaste su identidad"),
        max_length=200,
        help_text=_("Por ejemplo: «vi su cédula en el centro». No escribas el número."),
    )
    detail = forms.CharField(label=_("Detalle"), required=False, max_length=2000, widget=forms.Textarea)


class AnswerForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Respuesta"),
        choices=(("1", _("Atender")), ("0", _("Rechazar"))),
        coerce=lambda value: value == "1",
    )
    answer = forms.CharField(label=_("Mensaje para la persona"), required=False, max_length=2000, widget=forms.Textarea)


class RectifyForm(forms.ModelForm):
    """What she corrects herself: her names and her phone (the rest of her profile is on "Mi perfil")."""

    class Meta:
        model = Participant
        fields = ["given_names", "surnames", "phone"]
        labels = {"given_names": _("Nombres"), "surnames": _("Apellidos"), "phone": _("Teléfono")}
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_names"].required = True

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Escribe solo números, por ejemplo 0991234567."), code="invalid")
        return phone
