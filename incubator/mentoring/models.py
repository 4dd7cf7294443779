"""Mentoring sessions and their live rooms: chat, hands, polls, notes, moderation, attendance."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000
NOTES_MAX_LENGTH = 20000
ROOM_OPENS_BEFORE = timedelta(minutes=10)
# After the planned end the room stays usable for a while (sessions run over); then it is closed.
ROOM_GRACE_AFTER_END = timedelta(hours=2)


class MentoringSession(models.Model):
    """A scheduled mentoring meeting: a live text room, optionally a video link, maybe in person."""

    topic = models.CharField(_("tema"), max_length=200)
    description = models.TextField(_("descripción"), blank=True)
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("mentores"), related_name="mentoring_sessions_led"
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participantes"),
        related_name="mentoring_sessions",
        blank=True,
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("cohorte"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentoring_sessions",
        help_text=_("Opcional. Entran todas las personas aceptadas en la cohorte."),
    )
    ventures = models.ManyToManyField(
        "ventures.Venture",
        verbose_name=_("emprendimientos"),
        related_name="mentoring_sessions",
        blank=True,
        help_text=_("Opcional. Entra todo el equipo de cada emprendimiento."),
    )
    starts_at = models.DateTimeField(_("inicio"))
    ends_at = models.DateTimeField(_("fin"))
    video_url = models.URLField(
        _("enlace de video"),
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Opcional. Un enlace de Jitsi o BigBlueButton."),
    )
    location = models.CharField(
        _("lugar"), max_length=200, blank=True, help_text=_("Opcional. Para sesiones presenciales.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("creada por"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))
    closed_at = models.DateTimeField(_("sala cerrada el"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cerrada por"),
    )
    # The seq of the room's last chat message; services.message_post raises it in the message's transaction.
    message_seq = models.PositiveIntegerField(default=0, editable=False, verbose_name=_("número del último mensaje"))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("sesión de mentoría")
        verbose_name_plural = _("sesiones de mentoría")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="mentoring_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.topic

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("El fin debe ser después del inicio.")})

    @property
    def opens_at(self):
        return self.starts_at - ROOM_OPENS_BEFORE

    @property
    def group_name(self) -> str:
        return f"mentoring.session.{self.pk}"


class RoomMessage(models.Model):
    """A chat line. `seq` numbers a room's messages 1, 2, 3... without gaps, in commit order: clients replay
    from the last seq up to which they hold every message (docs/websocket-protocol.md)."""

    session = models.ForeignKey(
        MentoringSession, on_delete=models.CASCADE, related_name="messages", verbose_name=_("sesión")
    )
    seq = models.PositiveIntegerField(editable=False, verbose_name=_("número"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("autor(a)")
    )
    text = models.TextField(_("mensaje"), max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("fecha de creación"))
    deleted = models.BooleanField(default=False, verbose_name=_("borrado"))
    deleted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("borrado el"))
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("borrado por"),
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["session", "id"]), models.Index(fields=["session", "author", "created_at"])]
        constraints = [models.UniqueConstraint(fields=["session", "seq"], name="mentoring_one_message_per_seq")]
        verbose_name = _("mensaje de la sala")
        verbose_name_plural = _("mensajes de la sala")

    def __str__(self) -> str:
        return f"{self.session_id}#{self.pk}"


class HandRaise(models.Model):
    """A raised hand. Active while lowered_at is empty; the queue is ordered by raised_at."""

    session = models.ForeignKey(
        MentoringSession, on_delete=models.CASCADE, related_name="hands", verbose_name=_("sesión")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    raised_at = models.DateTimeField(auto_now_add=True, verbose_name=_("mano levantada el"))
    lowered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("mano bajada el"))
    lowered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mano bajada por"),
    )

    class Meta:
        ordering = ["raised_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(lowered_at__isnull=True), name="mentoring_one_active_hand"
            ),
        ]
        verbose_name = _("mano levantada")
        verbose_name_plural = _("manos levantadas")

    def __str__(self) -> str:
        return f"{self.session_id}:{self.user_id}"


class Poll(models.Model):
    """A question the mentor asks in the room. Counts are kept after the session."""

    session = models.ForeignKey(
        MentoringSession, on_delete=models.CASCADE, related_name="polls", verbose_name=_("sesión")
    )
    question = models.CharField(_("pregunta"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("creado por")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("cerrada el"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("encuesta")
        verbose_name_plural = _("encuestas")

    def __str__(self) -> str:
        return self.question


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options", verbose_name=_("encuesta"))
    text = models.CharField(_("opción"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("posición"))

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class PollVote(models.Model):
    """One vote per person per poll (the constraint enforces it, even under races)."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes", verbose_name=_("encuesta"))
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes", verbose_name=_("opción"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="mentoring_one_vote_per_poll")]

    def __str__(self) -> str:
        return f"{self.poll_id}:{self.user_id}"


class NotesPad(models.Model):
    """The shared notes of a session. Saves compare `version` so no edit is lost silently."""

    session = models.OneToOneField(
        MentoringSession, on_delete=models.CASCADE, related_name="notes", verbose_name=_("sesión")
    )
    text = models.TextField(blank=True, max_length=NOTES_MAX_LENGTH, verbose_name=_("notas"))
    version = models.PositiveIntegerField(default=0, verbose_name=_("versión"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actualizado por"),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        verbose_name = _("notas compartidas")
        verbose_name_plural = _("notas compartidas")

    def __str__(self) -> str:
        return f"{self.session_id} v{self.version}"


class RoomMute(models.Model):
    """This person cannot write in this session's room (chat, hands, polls, notes)."""

    session = models.ForeignKey(
        MentoringSession, on_delete=models.CASCADE, related_name="mutes", verbose_name=_("sesión")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("hecho por")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="mentoring_one_mute")]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.user_id}"


class RoomRemoval(models.Model):
    """This person was removed from this session's room and cannot come back."""

    session = models.ForeignKey(
        MentoringSession, on_delete=models.CASCADE, related_name="removals", verbose_name=_("sesión")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("hecho por")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="mentoring_one_removal")]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.user_id}"


class Attendance(models.Model):
    """A stretch of presence. Online: one row per connection, closed on leave or when its heartbeat stops.
    In person: one row per person set by the roll call (present or absent)."""

    class Source(models.TextChoices):
        ONLINE = "en_linea", _("En línea")
        IN_PERSON = "presencial", _("Presencial")

    session = models.ForeignKey(
        MentoringSession, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("sesión")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.ONLINE, verbose_name=_("origen"))
    present = models.BooleanField(default=True, verbose_name=_("presente"))
    channel_name = models.CharField(max_length=200, blank=True, verbose_name=_("canal"))
    joined_at = models.DateTimeField(verbose_name=_("entrada"))
    left_at = models.DateTimeField(null=True, blank=True, verbose_name=_("salida"))
    last_heartbeat = models.DateTimeField(verbose_name=_("última señal"))

    class Meta:
        ordering = ["joined_at", "id"]
        indexes = [models.Index(fields=["session", "left_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(source="presencial"), name="mentoring_one_roll_call_row"
            ),
        ]
        verbose_name = _("asistencia")
        verbose_name_plural = _("asistencias")

    def __str__(self) -> str:
        return f"{self.session_id}:{self.user_id} {self.source}"
