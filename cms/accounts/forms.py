from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(label=_("Usuario"), max_length=150)
    password = forms.CharField(label=_("Contraseña"), strip=False, widget=forms.PasswordInput)

    error_messages = {
        "invalid_login": _("Usuario o contraseña incorrectos. Revisa e intenta de nuevo."),
        "inactive": _("Esta cuenta está desactivada. Habla con la coordinación."),
    }
