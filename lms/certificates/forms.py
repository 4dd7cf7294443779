from django import forms
from django.utils.translation import gettext_lazy as _


class VerifyForm(forms.Form):
    codigo = forms.CharField(
        label=_("Código de verificación"),
        max_length=20,
        help_text=_("Está al pie del certificado, por ejemplo 7KQ2M9XHT4."),
        error_messages={"required": _("Escribe el código del certificado.")},
    )
