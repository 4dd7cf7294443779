"""The coordination desk's records around a participant: consent per purpose, sensitive reads, notes, log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.accounts.models import Participant
from cms.append_only import AppendOnlyModel


class Purpose(models.TextChoices):
    """What a consent is for. Each is given, shown and revoked on its own."""

    TRAINING = "formacion", _("Participar en la formación y la incubadora")
    REFERRAL = "derivacion", _("Compartir mis datos con una organización para un servicio")
    DONOR_AGGREGATE = "donante", _("Contarme, sin nombre, en los informes al donante")
    CATALOGUE_PHOTOS = "fotos", _("Publicar fotos de mi negocio en el catálogo")


class ConsentText(models.Model):
    """The words a person sees before she consents to one purpose. New words, new version."""

    purpose = models.CharField(_("finalidad"), max_length=12, choices=Purpose.choices)
    version = models.CharField(_("versión"), max_length=20)
    body = models.TextField(_("texto"))
    published_at = models.DateTimeField(_("publicada"), default=timezone.now)

    class Meta:
        ordering = ["purpose", "-published_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["purpose", "version"], name="consent_text_unique_version")]
        verbose_name = _("texto de consentimiento")
        verbose_name_plural = _("textos de consentimiento")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} · {self.version}"


class ConsentEvent(AppendOnlyModel):
    """One line of the consent ledger: a purpose given or revoked, with the text version she saw.

    `scope` narrows a purpose: for a referral, "<organisation id>:<service>" (one named organisation, one
    service). The current state of a purpose is its latest line (people.selectors.consent_given).
    """

    class Action(models.TextChoices):
        GIVEN = "dado", _("Dado")
        REVOKED = "retirado", _("Retirado")

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="consent_events", verbose_name=_("participante")
    )
    purpose = models.CharField(_("finalidad"), max_length=12, choices=Purpose.choices)
    scope = models.CharField(_("alcance"), max_length=60, blank=True)
    action = models.CharField(_("acción"), max_length=10, choices=Action.choices)
    text = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("texto")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrado por"),
    )
    at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["participant", "purpose", "scope", "-at"], name="consent_latest")]
        verbose_name = _("consentimiento")
        verbose_name_plural = _("registro de consentimientos")

    def __str__(self) -> str:
        return f"{self.participant} · {self.get_purpose_display()} · {self.get_action_display()}"


class SensitiveRead(AppendOnlyModel):
    """Someone other than the person read one of her sensitive fields: who, when, which field, why."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="sensitive_reads", verbose_name=_("participante")
    )
    field = models.CharField(_("dato"), max_length=40)
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("quién")
    )
    reader_role = models.CharField(_("rol"), max_length=20)
    reason = models.CharField(_("motivo"), max_length=120)
    at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("lectura de un dato sensible")
        verbose_name_plural = _("lecturas de datos sensibles")

    def __str__(self) -> str:
        return f"{self.participant} · {self.field}"


class CaseNote(models.Model):
    """A coordinator's note about a participant. Private to its author unless shared with coordination;
    never shown to mentors, jurors or partners."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="case_notes", verbose_name=_("participante")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("autora")
    )
    body = models.TextField(_("nota"), max_length=4000)
    shared = models.BooleanField(_("visible para toda la coordinación del programa"), default=False)
    created_at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("nota de caso")
        verbose_name_plural = _("notas de caso")

    def __str__(self) -> str:
        return f"{self.participant} · {self.created_at:%Y-%m-%d}"


class ParticipantEvent(AppendOnlyModel):
    """The registry's log: every change to a participant's record, by whom and when (no sensitive values)."""

    class Action(models.TextChoices):
        REGISTERED = "registrada", _("Registrada")
        UPDATED = "actualizada", _("Datos cambiados")
        MERGED = "unida", _("Unida con otro registro")
        UNMERGED = "separada", _("Unión deshecha")
        NOT_SAME = "distinta", _("Marcada como otra persona")
        INVITED = "invitada", _("Invitada a crear su cuenta")
        CLAIMED = "cuenta", _("Creó su cuenta")
        CONSENT = "consentimiento", _("Consentimiento")
        NOTE = "nota", _("Nota de caso")

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="events", verbose_name=_("participante")
    )
    action = models.CharField(_("acción"), max_length=16, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("quién")
    )
    detail = models.JSONField(_("detalle"), default=dict, blank=True)
    at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("cambio en el registro")
        verbose_name_plural = _("cambios en el registro")

    def __str__(self) -> str:
        return f"{self.participant} · {self.get_action_display()}"


# --- Duplicates, imports and account invitations (cms/people/services_merge.py, services_import.py,
# services_claim.py). Personal data: these rows point at participants and go with them (CASCADE).


class NotSamePerson(models.Model):
    """A coordinator said two records are different people: the pair is not proposed again.

    One row per unordered pair: `first` always has the smaller id (services_merge.not_same_mark).
    """

    first = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+", verbose_name=_("registro"))
    second = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+", verbose_name=_("otro registro"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("quién")
    )
    at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="not_same_person_unique_pair"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="not_same_person_ordered"),
        ]
        verbose_name = _("par de personas distintas")
        verbose_name_plural = _("pares de personas distintas")

    def __str__(self) -> str:
        return f"{self.first_id} ≠ {self.second_id}"


class DuplicateHint(models.Model):
    """At sign-up, a new account looked like an existing record: a quiet hint for coordination only.

    Never shown to the person. Resolved when a coordinator merges or says they are different people.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("cuenta nueva")
    )
    candidate = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="+", verbose_name=_("registro parecido")
    )
    score = models.PositiveSmallIntegerField(_("puntaje"))
    created_at = models.DateTimeField(_("fecha"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resuelto el"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "candidate"], name="duplicate_hint_unique")]
        verbose_name = _("aviso de posible duplicado")
        verbose_name_plural = _("avisos de posibles duplicados")

    def __str__(self) -> str:
        return f"{self.user_id} ~ {self.candidate_id}"


class AccountInvite(models.Model):
    """An invitation for a person registered without an account to create hers and keep her record.

    The link carries a TimestampSigner token (30 days); the short `code` is for people without e-mail, typed
    on the claim page. Single use: `claimed_at` is set in the same transaction that links the account.
    """

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="invites", verbose_name=_("participante")
    )
    code = models.CharField(_("código"), max_length=12, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("creada por")
    )
    created_at = models.DateTimeField(_("fecha"), default=timezone.now)
    claimed_at = models.DateTimeField(_("usada el"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitación a crear cuenta")
        verbose_name_plural = _("invitaciones a crear cuenta")

    def __str__(self) -> str:
        return f"{self.participant_id} · {self.created_at:%Y-%m-%d}"


class ImportBatch(models.Model):
    """An uploaded CSV between its preview and its confirmation, owned by the coordinator who sent it.

    Rows are kept server-side (never round-tripped through the browser) and re-validated on confirm;
    a batch expires after a day (services_import.IMPORT_TTL) and is deleted when confirmed.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("coordinadora")
    )
    center = models.ForeignKey("accounts.Center", on_delete=models.CASCADE, related_name="+", verbose_name=_("centro"))
    filename = models.CharField(_("archivo"), max_length=200, blank=True)
    rows = models.JSONField(_("filas"), default=list)
    created_at = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("importación pendiente")
        verbose_name_plural = _("importaciones pendientes")

    def __str__(self) -> str:
        return f"{self.filename} · {self.created_at:%Y-%m-%d %H:%M}"
