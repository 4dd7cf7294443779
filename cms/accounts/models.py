from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT = "no_dice"


class ConsentVersion(models.Model):
    """A published text explaining what Semilla collects and why. New text, new version."""

    version = models.CharField(_("versión"), max_length=20, unique=True)
    body = models.TextField(_("texto"))
    published_at = models.DateTimeField(_("publicada"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("versión del consentimiento")
        verbose_name_plural = _("versiones del consentimiento")

    def __str__(self) -> str:
        return self.version


class User(AbstractUser):
    """A person. Username and password only: many learners have no e-mail."""

    phone = models.CharField(
        _("teléfono"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\+?[0-9 ]{7,20}$", _("Escribe solo números, por ejemplo 0991234567."))],
    )
    consent_version = models.ForeignKey(
        ConsentVersion,
        verbose_name=_("consentimiento aceptado"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    consent_accepted_at = models.DateTimeField(_("consentimiento aceptado el"), null=True, blank=True)

    class Meta:
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Profile(models.Model):
    """Optional data for donor reports. Every field accepts "Prefiero no decir"."""

    class Sex(models.TextChoices):
        FEMALE = "mujer", _("Mujer")
        MALE = "hombre", _("Hombre")
        OTHER = "otro", _("Otro")
        UNSAID = PREFER_NOT, _("Prefiero no decir")

    class Nationality(models.TextChoices):
        ECUADORIAN = "ecuatoriana", _("Ecuatoriana")
        VENEZUELAN = "venezolana", _("Venezolana")
        COLOMBIAN = "colombiana", _("Colombiana")
        OTHER = "otra", _("Otra")
        UNSAID = PREFER_NOT, _("Prefiero no decir")

    class YesNo(models.TextChoices):
        YES = "si", _("Sí")
        NO = "no", _("No")
        UNSAID = PREFER_NOT, _("Prefiero no decir")

    class Community(models.TextChoices):
        MIGRANT = "migrante", _("Persona migrante o refugiada")
        HOST = "acogida", _("Comunidad de acogida (ecuatoriana)")
        UNSAID = PREFER_NOT, _("Prefiero no decir")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("persona")
    )
    sex = models.CharField(_("sexo"), max_length=10, choices=Sex.choices, default=PREFER_NOT)
    birth_year = models.PositiveSmallIntegerField(_("año de nacimiento"), null=True, blank=True)
    nationality = models.CharField(_("nacionalidad"), max_length=12, choices=Nationality.choices, default=PREFER_NOT)
    province = models.CharField(_("provincia"), max_length=60, blank=True)
    city = models.CharField(_("ciudad"), max_length=60, blank=True)
    disability = models.CharField(_("discapacidad"), max_length=10, choices=YesNo.choices, default=PREFER_NOT)
    community = models.CharField(_("comunidad"), max_length=10, choices=Community.choices, default=PREFER_NOT)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        verbose_name = _("perfil")
        verbose_name_plural = _("perfiles")

    def __str__(self) -> str:
        return str(self.user)


class LoginThrottle(models.Model):
    """Wrong passwords for one username, from any address; makes the next try wait (see selectors)."""

    username = models.CharField(_("usuario"), max_length=150, unique=True)  # lower-cased
    failures = models.PositiveIntegerField(_("intentos fallidos"), default=0)
    last_failure_at = models.DateTimeField(_("último intento fallido"))

    class Meta:
        verbose_name = _("espera para entrar")
        verbose_name_plural = _("esperas para entrar")

    def __str__(self) -> str:
        return self.username
