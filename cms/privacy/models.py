"""Privacy requests (LOPDP Arts. 13-16) with their 15-day clock, and their append-only log."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.accounts.models import Participant
from cms.append_only import AppendOnlyModel

# LOPDP Arts. 13-16: the controller answers within 15 days. The law does not say working days, so they are
# counted as calendar days (the stricter reading); counsel may confirm.
ANSWER_DAYS = 15


class PrivacyRequest(models.Model):
    """One request by a person (or by a coordinator for her, after seeing her document) to use a right."""

    class Kind(models.TextChoices):
        ACCESS = "acceso", _("Acceso y copia de tus datos")
        RECTIFY = "rectificacion", _("Corregir tus datos")
        ERASE = "eliminacion", _("Borrar tus datos")
        OBJECT = "oposicion", _("Oponerte a un uso de tus datos")

    class State(models.TextChoices):
        RECEIVED = "recibida", _("Recibida")
        DONE = "atendida", _("Atendida")
        REFUSED = "rechazada", _("Rechazada")

    class Channel(models.TextChoices):
        SELF = "ella_misma", _("La pidió la persona en su cuenta")
        CENTER = "centro", _("La pidió en un centro, con su documento a la vista")
        COMMAND = "comando", _("Orden de administración")
        RETENTION = "retencion", _("Se cumplió el plazo de conservación")

    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="privacy_requests", verbose_name=_("persona")
    )
    kind = models.CharField(_("tipo"), max_length=14, choices=Kind.choices)
    channel = models.CharField(_("cómo llegó"), max_length=12, choices=Channel.choices)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registrada por"),
    )
    identity_check = models.CharField(
        _("cómo se verificó su identidad"),
        max_length=200,
        blank=True,
        help_text=_("Por ejemplo: «cédula vista en el centro»."),
    )
    detail = models.TextField(_("detalle"), blank=True, max_length=2000)
    received_at = models.DateTimeField(_("recibida"), default=timezone.now)
    due_at = models.DateTimeField(_("responder hasta"))
    state = models.CharField(_("estado"), max_length=10, choices=State.choices, default=State.RECEIVED)
    answered_at = models.DateTimeField(_("respondida"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("respondida por"),
    )
    answer = models.TextField(_("respuesta"), blank=True, max_length=2000)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("solicitud de privacidad")
        verbose_name_plural = _("solicitudes de privacidad")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.RECEIVED

    def is_late(self, now=None) -> bool:
        return self.is_open and (now or timezone.now()) > self.due_at


class PrivacyRequestEvent(AppendOnlyModel):
    """What happened to a request, written once."""

    class Action(models.TextChoices):
        FILED = "registrada", _("Registrada")
        DONE = "atendida", _("Atendida")
        REFUSED = "rechazada", _("Rechazada")
        ERASED = "borrado", _("Datos borrados")
        RECTIFIED = "corregido", _("Datos corregidos")

    request = models.ForeignKey(
        PrivacyRequest, on_delete=models.PROTECT, related_name="events", verbose_name=_("solicitud")
    )
    action = models.CharField(_("acción"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("hecho por")
    )
    note = models.CharField(_("nota"), max_length=300, blank=True)
    at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("evento de solicitud")
        verbose_name_plural = _("eventos de solicitudes")


# LOPDP Art. 43: the authority is told within 5 days of learning of a breach; Art. 46: the people affected
# within 3 days. Counted as calendar days from discovery (the stricter reading; counsel may confirm).
AUTHORITY_DAYS = 5
PEOPLE_DAYS = 3


class DataBreach(models.Model):
    """A security breach of personal data, for the data protection officer, with its two legal clocks."""

    title = models.CharField(_("qué pasó"), max_length=200)
    description = models.TextField(_("descripción"), max_length=4000)
    data_affected = models.CharField(_("qué datos"), max_length=300)
    measures = models.TextField(_("medidas tomadas"), blank=True, max_length=4000)
    discovered_at = models.DateTimeField(_("se supo el"), default=timezone.now)
    affected = models.ManyToManyField(Participant, blank=True, related_name="+", verbose_name=_("personas afectadas"))
    authority_notified_at = models.DateTimeField(_("aviso a la autoridad"), null=True, blank=True)
    people_notified_at = models.DateTimeField(_("aviso a las personas"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrado por"),
    )

    class Meta:
        ordering = ["-discovered_at", "-id"]
        verbose_name = _("brecha de seguridad")
        verbose_name_plural = _("brechas de seguridad")

    def __str__(self) -> str:
        return self.title

    @property
    def authority_due_at(self):
        return self.discovered_at + timedelta(days=AUTHORITY_DAYS)

    @property
    def people_due_at(self):
        return self.discovered_at + timedelta(days=PEOPLE_DAYS)

    def clock_state(self, now=None) -> str:
        """Which notice is late, in a few words (for the register's list)."""
        now = now or timezone.now()
        late = []
        if self.authority_notified_at is None and now > self.authority_due_at:
            late.append(str(_("aviso a la autoridad atrasado")))
        if self.people_notified_at is None and now > self.people_due_at:
            late.append(str(_("aviso a las personas atrasado")))
        return ", ".join(late) or str(_("a tiempo"))


class RetentionWarning(AppendOnlyModel):
    """An inactive person was told her data will be anonymised unless she comes back (privacy_retention)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona"))
    warned_at = models.DateTimeField(_("avisada el"), default=timezone.now)

    class Meta:
        ordering = ["-warned_at", "-id"]
        verbose_name = _("aviso de conservación")
        verbose_name_plural = _("avisos de conservación")


class SessionOwner(models.Model):
    """Whose sign-in a session key is, so erasure ends her sessions without decoding every session of the site.
    Written at sign-in and when a signed-in session gets a new key (cms/privacy/sessions.py); removed at
    sign-out, when her sessions are ended, and by the retention job once the session cannot be alive."""

    session_key = models.CharField(_("clave de sesión"), max_length=40, primary_key=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("cuenta")
    )
    created_at = models.DateTimeField(_("desde"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("sesión de una cuenta")
        verbose_name_plural = _("sesiones de las cuentas")

    def __str__(self) -> str:
        return f"{self.user_id} · {self.created_at:%Y-%m-%d %H:%M}"
