"""Forms of the duplicate, import and invitation pages (shape only; services decide)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo CSV"),
        help_text=_(
            "En UTF-8, con el encabezado id,nombres,apellidos,fecha_nacimiento,tipo_documento,documento,"
            "telefono,nacionalidad,ciudad. Hasta 2 MB y 5000 filas."
        ),
        error_messages={"required": _("Elige el archivo CSV.")},
    )
    center = forms.ModelChoiceField(
        label=_("Centro"),
        queryset=None,
        empty_label=None,
        help_text=_("Todas las personas del archivo quedan en este centro."),
        error_messages={"invalid_choice": _("Elige uno de tus centros.")},
    )

    def __init__(self, *args, centers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["center"].queryset = centers


class InviteCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Código de invitación"),
        max_length=20,
        help_text=_("Está en la hoja que te dio la coordinación. Por ejemplo: KM7P-Q2XH"),
        error_messages={"required": _("Escribe el código.")},
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].replace("-", "").replace(" ", "").upper()
