from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
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


class Programme(models.Model):
    """A funded programme (e.g. one donor's project in one province): its centers, coordinators and donors."""

    name = models.CharField(_("nombre"), max_length=150)
    slug = models.SlugField(_("identificador"), max_length=60, unique=True)
    coordinators = models.ManyToManyField(
        "User", verbose_name=_("coordinación"), blank=True, related_name="coordinated_programmes"
    )
    donors = models.ManyToManyField("User", verbose_name=_("donantes"), blank=True, related_name="funded_programmes")
    created_at = models.DateTimeField(_("fecha de creación"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programa")
        verbose_name_plural = _("programas")

    def __str__(self) -> str:
        return self.name


class Center(models.Model):
    """A place where people come: a community center, a partner's office, a library with computers."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="centers", verbose_name=_("programa")
    )
    name = models.CharField(_("nombre"), max_length=150)
    province = models.CharField(_("provincia"), max_length=60)
    city = models.CharField(_("ciudad"), max_length=60)

    class Meta:
        ordering = ["programme", "city", "name"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="center_unique_name")]
        verbose_name = _("centro")
        verbose_name_plural = _("centros")

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class Participant(models.Model):
    """One record per person in the registry, with or without an account (walk-ins have none yet).

    The donor framework's fields accept "Prefiero no decir". SENSITIVE_FIELDS (LOPDP Art. 4: migratory
    status, health) are read by others only through people.selectors.participant_sensitive_read, which
    checks the role and logs the read.
    """

    SENSITIVE_FIELDS = ("mobility", "disability")

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

    class Mobility(models.TextChoices):
        MIGRANT = "migrante", _("Persona migrante")
        REFUGEE = "refugiada", _("Persona refugiada o solicitante de asilo")
        RETURNEE = "retornada", _("Persona ecuatoriana retornada")
        HOST = "acogida", _("Comunidad de acogida (ecuatoriana)")
        UNSAID = PREFER_NOT, _("Prefiero no decir")

    class Document(models.TextChoices):
        NONE = "", _("Sin documento")
        CEDULA = "cedula", _("Cédula ecuatoriana")
        CEDULA_VE = "cedula_venezolana", _("Cédula venezolana")
        PASSPORT = "pasaporte", _("Pasaporte")
        OTHER = "otro", _("Otro documento")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="participant",
        verbose_name=_("cuenta"),
    )
    given_names = models.CharField(_("nombres"), max_length=150, blank=True)
    surnames = models.CharField(_("apellidos"), max_length=150, blank=True)
    birth_date = models.DateField(_("fecha de nacimiento"), null=True, blank=True)
    sex = models.CharField(_("sexo"), max_length=10, choices=Sex.choices, default=PREFER_NOT)
    birth_year = models.PositiveSmallIntegerField(_("año de nacimiento"), null=True, blank=True)
    nationality = models.CharField(_("nacionalidad"), max_length=12, choices=Nationality.choices, default=PREFER_NOT)
    document_type = models.CharField(
        _("tipo de documento"), max_length=20, choices=Document.choices, default="", blank=True
    )
    document_number = models.CharField(_("número de documento"), max_length=30, blank=True)
    phone = models.CharField(_("teléfono"), max_length=20, blank=True)
    province = models.CharField(_("provincia"), max_length=60, blank=True)
    city = models.CharField(_("ciudad"), max_length=60, blank=True)
    center = models.ForeignKey(
        Center, on_delete=models.PROTECT, null=True, blank=True, related_name="participants", verbose_name=_("centro")
    )
    disability = models.CharField(_("discapacidad"), max_length=10, choices=YesNo.choices, default=PREFER_NOT)
    mobility = models.CharField(
        _("situación de movilidad humana"), max_length=10, choices=Mobility.choices, default=PREFER_NOT
    )
    children_under_5 = models.PositiveSmallIntegerField(_("hijas e hijos menores de 5 años"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_records",
        verbose_name=_("unido a"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrado por"),
    )
    created_at = models.DateTimeField(_("fecha de registro"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        ordering = ["surnames", "given_names", "id"]
        verbose_name = _("participante")
        verbose_name_plural = _("participantes")

    def __str__(self) -> str:
        return self.full_name or str(self.user or self.pk)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.surnames) if part)


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
