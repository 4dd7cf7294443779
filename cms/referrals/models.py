"""Referrals: a participant sent to a partner organisation for one service, with its states and its log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.accounts.models import Participant
from cms.append_only import AppendOnlyModel


class ServiceType(models.TextChoices):
    """What a referral is for. Financial services are three types so the donor can count credit alone."""

    CHILDCARE = "cuidado_infantil", _("Cuidado infantil")
    PSYCHOSOCIAL = "psicosocial", _("Apoyo psicosocial")
    LEGAL = "legal", _("Asesoría legal para regularización (visa y documentos)")
    HEALTH = "salud", _("Salud")
    ACCOUNT = "cuenta", _("Servicios financieros: abrir una cuenta")
    SAVINGS = "ahorro", _("Servicios financieros: ahorro")
    CREDIT = "credito", _("Servicios financieros: crédito")
    EMPLOYMENT = "empleo", _("Empleo")


FINANCIAL_SERVICES = (ServiceType.ACCOUNT, ServiceType.SAVINGS, ServiceType.CREDIT)


class PartnerOrganisation(models.Model):
    """A foundation, cooperative or office that receives referrals; its members act for it in Semilla."""

    name = models.CharField(_("nombre"), max_length=150, unique=True)
    cities = models.CharField(_("ciudades donde atiende"), max_length=200, help_text=_("Separadas por comas."))
    contact = models.CharField(_("contacto"), max_length=200, help_text=_("Teléfono, correo o persona de contacto."))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="partner_organisations",
        limit_choices_to={"groups__name": "aliada"},
        verbose_name=_("cuentas de la organización"),
        help_text=_("Personas con el rol «Organización aliada» que reciben las derivaciones."),
    )
    active = models.BooleanField(_("activa"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organización aliada")
        verbose_name_plural = _("organizaciones aliadas")

    def __str__(self) -> str:
        return self.name


class PartnerService(models.Model):
    """One service an organisation offers in one city."""

    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="services", verbose_name=_("organización")
    )
    service_type = models.CharField(_("servicio"), max_length=20, choices=ServiceType.choices)
    city = models.CharField(_("ciudad"), max_length=60)

    class Meta:
        ordering = ["organisation__name", "service_type", "city"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "service_type", "city"], name="partner_service_unique")
        ]
        verbose_name = _("servicio de una organización aliada")
        verbose_name_plural = _("servicios de organizaciones aliadas")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_service_type_display()} · {self.city}"


class ContactSource(models.TextChoices):
    """Where the contact a referral carries came from: her registry's phone (then a correction of the phone is
    passed on to the organisation, LOPDP Art. 14), or something typed for this referral only."""

    PHONE = "telefono", _("su teléfono del registro")
    OTHER = "otro", _("otro medio, escrito para esta derivación")


class Referral(models.Model):
    """A participant referred to one organisation for one service. States like Primero's:
    borrador -> enviada -> aceptada | rechazada -> atendida -> cerrada; revocada from any open state.
    Transitions happen only in referrals.services (row-locked)."""

    class State(models.TextChoices):
        DRAFT = "borrador", _("borrador")
        SENT = "enviada", _("enviada")
        ACCEPTED = "aceptada", _("aceptada")
        REJECTED = "rechazada", _("rechazada")
        ATTENDED = "atendida", _("atendida")
        CLOSED = "cerrada", _("cerrada")
        REVOKED = "revocada", _("revocada")

    # Open: the referral still runs; only one open referral per participant and service.
    OPEN_STATES = (State.DRAFT, State.SENT, State.ACCEPTED, State.ATTENDED)
    # What the partner organisation sees: sent to it and not finished.
    PARTNER_STATES = (State.SENT, State.ACCEPTED, State.ATTENDED)

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("participante")
    )
    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("organización")
    )
    service_type = models.CharField(_("servicio"), max_length=20, choices=ServiceType.choices)
    need = models.CharField(_("qué necesita"), max_length=300)
    contact = models.CharField(
        _("contacto que ella eligió"), max_length=120, help_text=_("Teléfono u otro medio, el que ella prefiera.")
    )
    contact_source = models.CharField(
        _("de dónde salió el contacto"), max_length=10, choices=ContactSource.choices, default=ContactSource.OTHER
    )
    # Set when a correction of a field the organisation received (her first name, her phone) was passed on.
    corrected_at = models.DateTimeField(_("dato corregido el"), null=True, blank=True)
    state = models.CharField(_("estado"), max_length=10, choices=State.choices, default=State.DRAFT)
    rejection_reason = models.CharField(_("motivo del rechazo"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("creada por"),
    )
    created_at = models.DateTimeField(_("creada"), default=timezone.now)
    sent_at = models.DateTimeField(_("enviada"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("aceptada"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("rechazada"), null=True, blank=True)
    attended_at = models.DateTimeField(_("atendida"), null=True, blank=True)
    closed_at = models.DateTimeField(_("cerrada"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revocada"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "service_type"],
                condition=Q(state__in=["borrador", "enviada", "aceptada", "atendida"]),
                name="referral_one_open_per_service",
            )
        ]
        indexes = [
            models.Index(fields=["state", "sent_at"], name="referral_state_sent"),
            models.Index(fields=["service_type", "attended_at"], name="referral_attended"),
        ]
        verbose_name = _("derivación")
        verbose_name_plural = _("derivaciones")

    def __str__(self) -> str:
        return f"{self.participant} · {self.get_service_type_display()} · {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    @property
    def consent_scope(self) -> str:
        return consent_scope(self.organisation_id, self.service_type)

    @property
    def first_name(self) -> str:
        """What the partner may read of her name: the first given name only."""
        return (self.participant.given_names or "").split(" ")[0]


def consent_scope(organisation_id: int, service_type: str) -> str:
    """The consent ledger's scope of a referral: one named organisation, one service."""
    return f"{organisation_id}:{service_type}"


class ReferralEvent(AppendOnlyModel):
    """One line of a referral's log: who did what, when, from which state to which, and a note."""

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="events", verbose_name=_("derivación")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("quién")
    )
    from_state = models.CharField(_("de"), max_length=10, choices=Referral.State.choices, blank=True)
    to_state = models.CharField(_("a"), max_length=10, choices=Referral.State.choices)
    note = models.CharField(_("nota"), max_length=300, blank=True)
    at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("cambio de una derivación")
        verbose_name_plural = _("cambios de las derivaciones")

    def __str__(self) -> str:
        return f"{self.referral_id} · {self.from_state} -> {self.to_state}"


class ReferralFeedback(models.Model):
    """Her one answer about a childcare or credit service she received: how satisfied, on the scale of every
    Semilla survey (cms.indicators.satisfaction). She answers it herself, or coordination records it for her
    at a follow-up call (`recorded_by` is then the coordinator). One answer per referral; the first stands."""

    class Channel(models.TextChoices):
        SELF = "ella", _("Respondió ella")
        CALL = "llamada", _("Registrada por coordinación en una llamada")

    referral = models.OneToOneField(
        Referral, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("derivación")
    )
    rating = models.PositiveSmallIntegerField(_("satisfacción (1 a 5)"))
    channel = models.CharField(_("cómo se registró"), max_length=10, choices=Channel.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrada por"),
    )
    created_at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="referral_feedback_rating_1_5")
        ]
        verbose_name = _("opinión sobre un servicio")
        verbose_name_plural = _("opiniones sobre servicios")

    def __str__(self) -> str:
        return f"{self.referral_id} · {self.rating}"
