import math

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms.accounts import selectors
from cms.accounts.backends import WAIT_ATTRIBUTE
from cms.accounts.models import Participant, User

OLDEST_BIRTH_YEAR = 1920
YOUNGEST_AGE = 15


class LoginForm(AuthenticationForm):
    username = forms.CharField(label=_("Usuario"), max_length=150)
    password = forms.CharField(label=_("Contraseña"), strip=False, widget=forms.PasswordInput)

    error_messages = {
        "invalid_login": _("Usuario o contraseña incorrectos. Revisa e intenta de nuevo."),
        "inactive": _("Esta cuenta está desactivada. Habla con la coordinación."),
    }

    def get_invalid_login_error(self):
        wait = getattr(self.request, WAIT_ATTRIBUTE, 0)
        if not wait:
            return super().get_invalid_login_error()
        return forms.ValidationError(wait_message(wait), code="throttled")


def wait_message(seconds: int) -> str:
    """How long to wait, in words a person reads at a glance: seconds under two minutes, then minutes."""
    if seconds < 120:
        return ngettext(
            "Hubo muchos intentos fallidos con esta cuenta. Espera %(count)s segundo y vuelve a intentar.",
            "Hubo muchos intentos fallidos con esta cuenta. Espera %(count)s segundos y vuelve a intentar.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Hubo muchos intentos fallidos con esta cuenta. Espera %(count)s minuto y vuelve a intentar.",
        "Hubo muchos intentos fallidos con esta cuenta. Espera %(count)s minutos y vuelve a intentar.",
        minutes,
    ) % {"count": minutes}


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Código de 6 números"),
        max_length=8,
        strip=True,
        help_text=_("Ábrelo en tu aplicación de códigos (por ejemplo Google Authenticator o FreeOTP)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": _("Escribe el código de 6 números.")},
    )


class _NewAccountForm(forms.ModelForm):
    """Username, names and optional contact data, shared by sign-up and coordinator creation."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "phone", "email"]
        labels = {
            "username": _("Usuario"),
            "first_name": _("Nombre"),
            "last_name": _("Apellido"),
            "phone": _("Teléfono (opcional)"),
            "email": _("Correo electrónico (opcional)"),
        }
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "username": _("Una palabra para entrar, sin espacios. Por ejemplo: maria.lopez"),
        }
        error_messages = {
            "username": {"invalid": _("Usa solo letras, números y los signos . @ + - _ (sin espacios).")},
            "email": {"invalid": _("Escribe un correo válido, por ejemplo nombre@correo.com.")},
        }

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Ese usuario ya existe. Elige otro."), code="taken")
        return username

    def username_unavailable(self, username: str) -> None:
        """Mark the username as not available, without saying whether someone has it; suggest free ones."""
        suggestions = selectors.usernames_free_like(username=username)
        if suggestions:
            message = _("Ese nombre de usuario no está disponible. Puedes usar, por ejemplo: %(names)s.") % {
                "names": ", ".join(suggestions)
            }
        else:
            message = _("Ese nombre de usuario no está disponible. Elige otro.")
        self.add_error("username", forms.ValidationError(message, code="unavailable"))

    def _check_password(self, field: str) -> str:
        password = self.cleaned_data.get(field, "")
        if password:
            candidate = User(
                username=self.cleaned_data.get("username", ""),
                first_name=self.cleaned_data.get("first_name", ""),
                last_name=self.cleaned_data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error(field, error)
        return password


class SignupForm(_NewAccountForm):
    password1 = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Al menos 8 caracteres. No uses solo números."),
    )
    password2 = forms.CharField(
        label=_("Repite la contraseña"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_("Leí y acepto cómo Semilla usa mis datos."),
        error_messages={"required": _("Para crear tu cuenta tienes que aceptar el uso de tus datos.")},
    )

    class Meta(_NewAccountForm.Meta):
        pass

    def clean_username(self) -> str:
        # Whether the name is free is asked only in clean(), once everything else is right (see there).
        return self.cleaned_data["username"].strip()

    def validate_unique(self):
        # The model's own check would say "Un usuario con ese nombre ya existe": clean() answers for the username.
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions() | {"username"})
        except forms.ValidationError as error:
            self._update_errors(error)

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Las dos contraseñas no son iguales."))
        elif password1:
            self._check_password("password1")
        # A sign-up page cannot hide that a name is taken (the account could not be created), but it can make
        # asking cost a whole valid form, and answer "not available" for taken and reserved names alike.
        username = cleaned.get("username")
        if username and not self.errors and not selectors.username_available(username=username):
            self.username_unavailable(username)
        return cleaned


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("Leí y acepto cómo Semilla usa mis datos."),
        error_messages={"required": _("Para seguir tienes que aceptar el uso de tus datos.")},
    )


class ProfileForm(forms.ModelForm):
    birth_year = forms.IntegerField(
        label=_("Año de nacimiento"),
        required=False,
        help_text=_("Por ejemplo: 1990. Déjalo vacío si prefieres no decirlo."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Escribe el año con 4 números, por ejemplo 1990.")},
    )

    class Meta:
        model = Participant
        fields = ["sex", "birth_year", "nationality", "province", "city", "disability", "mobility"]
        labels = {
            "sex": _("Sexo"),
            "nationality": _("Nacionalidad"),
            "province": _("Provincia donde vives"),
            "city": _("Ciudad donde vives"),
            "disability": _("¿Tienes alguna discapacidad?"),
            "mobility": _("¿Eres parte de la comunidad migrante o de la de acogida?"),
        }

    def clean_birth_year(self) -> int | None:
        year = self.cleaned_data.get("birth_year")
        if year is None:
            return None
        latest = timezone.localdate().year - YOUNGEST_AGE
        if not OLDEST_BIRTH_YEAR <= year <= latest:
            raise forms.ValidationError(
                _("Escribe un año entre %(oldest)s y %(latest)s.") % {"oldest": OLDEST_BIRTH_YEAR, "latest": latest},
                code="out_of_range",
            )
        return year


class LearnerCreateForm(_NewAccountForm):
    """Coordinators open an account for a learner with a temporary password."""

    password = forms.CharField(
        label=_("Contraseña temporal"),
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Dásela a la persona en privado. Al menos 8 caracteres."),
    )

    class Meta(_NewAccountForm.Meta):
        pass

    def clean(self):
        cleaned = super().clean()
        self._check_password("password")
        return cleaned


class PasswordResetForm(forms.Form):
    password = forms.CharField(
        label=_("Contraseña temporal nueva"),
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Dásela a la persona en privado. Al menos 8 caracteres."),
    )

    def __init__(self, *args, target: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, self.target)
        return password
