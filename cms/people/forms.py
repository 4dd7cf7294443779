"""Forms of the coordination desk and of "Mis permisos". They validate shape; services write."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.ec import ci

from cms.accounts.models import Participant

OLDEST_BIRTH_YEAR = 1920
PHONE = re.compile(r"^\+?[0-9 ]{7,20}$")

# Why a coordinator opens a sensitive field: a short list, stored with the read (people.SensitiveRead).
READ_REASONS = (
    ("derivacion", _("Derivarla a un servicio (guardería, apoyo legal, salud…)")),
    ("seguimiento", _("Seguimiento de su caso")),
    ("correccion", _("Corregir sus datos con ella")),
    ("informe", _("Revisar el informe al donante")),
)

REGISTRY_FIELDS = [
    "given_names",
    "surnames",
    "birth_date",
    "sex",
    "nationality",
    "mobility",
    "document_type",
    "document_number",
    "phone",
    "province",
    "city",
    "center",
    "disability",
    "children_under_5",
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Buscar por nombre, documento o teléfono"), required=False, max_length=100)
    centro = forms.ModelChoiceField(label=_("Centro"), queryset=None, required=False, empty_label=_("Todos"))

    def __init__(self, *args, centers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centro"].queryset = centers


class ParticipantForm(forms.ModelForm):
    """A person's record as a coordinator types it: at the desk, on the phone, from a paper form."""

    class Meta:
        model = Participant
        fields = REGISTRY_FIELDS
        labels = {
            "given_names": _("Nombres"),
            "surnames": _("Apellidos"),
            "birth_date": _("Fecha de nacimiento (opcional)"),
            "sex": _("Sexo"),
            "nationality": _("Nacionalidad"),
            "mobility": _("Situación de movilidad humana"),
            "document_type": _("Tipo de documento"),
            "document_number": _("Número de documento (opcional)"),
            "phone": _("Teléfono (opcional)"),
            "province": _("Provincia"),
            "city": _("Ciudad"),
            "center": _("Centro"),
            "disability": _("¿Tiene alguna discapacidad?"),
            "children_under_5": _("Hijas e hijos menores de 5 años (opcional)"),
        }
        help_texts = {
            "mobility": _("Dato sensible: solo lo ve la coordinación, y cada lectura queda registrada."),
            "document_number": _("Cédula ecuatoriana: 10 números, sin guion."),
            "city": _("Si la dejas vacía, usamos la del centro."),
        }
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "phone": forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
            "children_under_5": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 15}),
        }
        error_messages = {
            "given_names": {"required": _("Escribe sus nombres.")},
            "surnames": {"required": _("Escribe sus apellidos.")},
            "birth_date": {"invalid": _("Escribe la fecha así: 31/12/1990.")},
            "children_under_5": {"invalid": _("Escribe un número, por ejemplo 0 o 2.")},
        }

    def __init__(self, *args, centers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_names"].required = True
        self.fields["surnames"].required = True
        self.fields["birth_date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
        self.fields["center"].queryset = centers
        self.fields["center"].empty_label = _("Sin centro")
        self.fields["children_under_5"].min_value = 0

    def clean_birth_date(self):
        born = self.cleaned_data.get("birth_date")
        if born and not (OLDEST_BIRTH_YEAR <= born.year and born <= timezone.localdate()):
            raise forms.ValidationError(_("Revisa la fecha: no puede ser futura ni anterior a 1920."), code="range")
        return born

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Escribe solo números, por ejemplo 0991234567."), code="invalid")
        return phone

    def clean_children_under_5(self):
        children = self.cleaned_data.get("children_under_5")
        if children is not None and children > 15:
            raise forms.ValidationError(_("Revisa el número: es muy alto."), code="range")
        return children

    def clean(self):
        cleaned = super().clean()
        kind, number = cleaned.get("document_type", ""), cleaned.get("document_number", "").strip()
        if number and not kind:
            self.add_error("document_type", _("Elige el tipo de documento."))
        elif kind == Participant.Document.CEDULA and number:
            compact = ci.compact(number)
            if not ci.is_valid(compact):
                self.add_error(
                    "document_number",
                    _("Esta cédula no es válida: revisa los 10 números (el último es de control)."),
                )
            else:
                cleaned["document_number"] = compact
        center = cleaned.get("center")
        if center is not None and not cleaned.get("city"):
            cleaned["city"], cleaned["province"] = center.city, cleaned.get("province") or center.province
        return cleaned


class RegisterForm(ParticipantForm):
    consent_training = forms.BooleanField(
        label=_("La persona leyó o escuchó este texto y aceptó participar en la formación."),
        error_messages={"required": _("Para registrarla, la persona tiene que aceptar el texto.")},
    )


UNCHANGED = ("", _("No cambiar"))


class CorrectionForm(ParticipantForm):
    """The same record, where sensitive fields are not shown (showing them would be an unlogged read):
    "No cambiar" keeps what is stored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Participant.SENSITIVE_FIELDS:
            field = self.fields[name]
            field.choices = [UNCHANGED, *Participant._meta.get_field(name).choices]
            field.required = False
            field.help_text = _("Dato sensible: no lo mostramos aquí. Elige un valor solo para cambiarlo.")
            self.initial[name] = ""

    def changed_data_for_update(self) -> dict:
        data = {name: self.cleaned_data[name] for name in REGISTRY_FIELDS}
        for name in Participant.SENSITIVE_FIELDS:
            if not data[name]:
                data.pop(name)
        return data


class SensitiveReadForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("¿Para qué necesitas verlo?"),
        choices=READ_REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elige para qué lo necesitas.")},
    )

    def reason_label(self) -> str:
        return str(dict(READ_REASONS)[self.cleaned_data["reason"]])


class CaseNoteForm(forms.Form):
    body = forms.CharField(
        label=_("Nueva nota"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Escribe la nota.")},
    )
    shared = forms.BooleanField(
        label=_("Compartir con la coordinación del programa"),
        required=False,
        help_text=_("Si no la marcas, solo tú ves esta nota."),
    )
