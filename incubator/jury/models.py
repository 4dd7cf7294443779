"""Pitch day: rubric, event, the ventures that pitch, jurors and their score sheets, results and awards.

The computation lives in `scoring.py` (pure); writes in `services.py`; every change of a score, conflict,
assignment, result, award, lock and reopen goes into the append-only `AuditEntry`."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from cms.append_only import AppendOnlyModel

LEVELS = (1, 2, 3, 4, 5)
MIN_JURORS_PER_VENTURE = 3


class Rubric(ClusterableModel):
    """A set of weighted criteria, each with a plain-Spanish descriptor per level 1-5."""

    name = models.CharField(_("nombre"), max_length=150)
    description = models.TextField(_("descripción"), blank=True, max_length=1000)

    panels = [FieldPanel("name"), FieldPanel("description"), InlinePanel("criteria", label=_("Criterios"), min_num=1)]

    class Meta:
        ordering = ["name"]
        verbose_name = _("rúbrica")
        verbose_name_plural = _("rúbricas")

    def __str__(self) -> str:
        return self.name


class Criterion(Orderable):
    """One criterion of a rubric: its weight and what each level 1-5 means."""

    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("rúbrica"))
    name = models.CharField(_("criterio"), max_length=120)
    weight = models.DecimalField(
        _("peso"), max_digits=5, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(Decimal("0.01"))]
    )
    level_1 = models.CharField(_("nivel 1"), max_length=300)
    level_2 = models.CharField(_("nivel 2"), max_length=300)
    level_3 = models.CharField(_("nivel 3"), max_length=300)
    level_4 = models.CharField(_("nivel 4"), max_length=300)
    level_5 = models.CharField(_("nivel 5"), max_length=300)

    panels = [
        FieldPanel("name"),
        FieldPanel("weight"),
        MultiFieldPanel([FieldPanel(f"level_{n}") for n in LEVELS], heading=_("Qué significa cada nivel")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterio")
        verbose_name_plural = _("criterios")

    def __str__(self) -> str:
        return self.name

    @property
    def descriptors(self) -> list[tuple[int, str]]:
        return [(n, getattr(self, f"level_{n}")) for n in LEVELS]


class PitchEvent(models.Model):
    """The pitch day of a cohort: where, the budget, how much each winner gets, and whether results are locked."""

    class AwardRule(models.TextChoices):
        FIXED = "fijo", _("Un monto fijo para cada ganador")
        REQUESTED = "solicitado", _("El monto que pidió cada emprendimiento")

    class Status(models.TextChoices):
        OPEN = "abierto", _("Abierto: el jurado califica")
        CLOSED = "cerrado", _("Cerrado: resultados bloqueados")

    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohorte"), on_delete=models.PROTECT, related_name="pitch_events"
    )
    name = models.CharField(_("nombre"), max_length=150)
    starts_at = models.DateTimeField(_("fecha y hora"))
    place = models.CharField(_("lugar"), max_length=200)
    rubric = models.ForeignKey(Rubric, verbose_name=_("rúbrica"), on_delete=models.PROTECT, related_name="events")
    total_budget = models.DecimalField(
        _("presupuesto total (USD)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    award_rule = models.CharField(
        _("regla del monto"), max_length=12, choices=AwardRule.choices, default=AwardRule.FIXED
    )
    fixed_amount = models.DecimalField(
        _("monto fijo (USD)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("700"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    jurors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("jurado"),
        blank=True,
        related_name="pitch_events",
        limit_choices_to={"groups__name": "jurado"},
    )
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.OPEN)
    results_method = models.CharField(_("método"), max_length=20, blank=True)
    results_reason = models.CharField(_("motivo del método"), max_length=40, blank=True)
    closed_at = models.DateTimeField(_("cerrado el"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("evento de pitch")
        verbose_name_plural = _("eventos de pitch")

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class Entry(models.Model):
    """A venture that pitches at the event, with the frozen plan version the jury reads.
    A calibration entry is a sample pitch every juror scores to compare criteria; it is never ranked."""

    event = models.ForeignKey(PitchEvent, on_delete=models.CASCADE, related_name="entries", verbose_name=_("evento"))
    venture = models.ForeignKey(
        "ventures.Venture",
        verbose_name=_("emprendimiento"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pitch_entries",
    )
    plan_version = models.ForeignKey(
        "plans.PlanVersion",
        verbose_name=_("versión del plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_amount = models.DecimalField(
        _("monto solicitado (USD)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    is_calibration = models.BooleanField(_("pitch de calibración"), default=False)
    calibration_title = models.CharField(_("título del pitch de muestra"), max_length=150, blank=True)
    calibration_text = models.TextField(_("resumen del pitch de muestra"), blank=True, max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["event", "venture"], name="one_entry_per_venture_and_event")]
        verbose_name = _("emprendimiento en el pitch")
        verbose_name_plural = _("emprendimientos en el pitch")

    def __str__(self) -> str:
        return self.calibration_title if self.is_calibration else str(self.venture)

    def clean(self) -> None:
        if not self.is_calibration and (self.venture_id is None or self.plan_version_id is None):
            raise ValidationError(_("Un emprendimiento necesita una versión enviada de su plan."))


class Assignment(models.Model):
    """A juror assigned to an entry. The juror declares conflicts before seeing it; a recusal excludes them."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("Debe declarar conflictos")
        ACTIVE = "activa", _("Sin conflicto: califica")
        RECUSED = "excusado", _("Se excusó por conflicto")

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("presentación")
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jury_assignments", verbose_name=_("jurado")
    )
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.PENDING)
    recusal_reason = models.CharField(_("motivo del conflicto"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("declaró el"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["entry_id", "id"]
        constraints = [models.UniqueConstraint(fields=["entry", "juror"], name="one_assignment_per_juror_and_entry")]
        verbose_name = _("asignación de jurado")
        verbose_name_plural = _("asignaciones de jurado")

    def __str__(self) -> str:
        return f"{self.juror} · {self.entry}"


class ScoreSheet(models.Model):
    """A juror's sheet for one entry: a level per criterion, a comment for the team and a private note.
    `revision` grows with each save so a save from an older copy is detected, never silently applied."""

    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, related_name="sheet", verbose_name=_("asignación")
    )
    comment = models.TextField(_("comentario para el emprendimiento"), blank=True, max_length=2000)
    private_note = models.TextField(_("nota privada"), blank=True, max_length=2000)
    revision = models.PositiveIntegerField(default=0, verbose_name=_("revisión"))
    submitted_at = models.DateTimeField(_("enviada el"), null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True, verbose_name=_("última actualización"))

    class Meta:
        verbose_name = _("hoja de calificación")
        verbose_name_plural = _("hojas de calificación")

    def __str__(self) -> str:
        return str(self.assignment)


class Score(models.Model):
    """The level (1-5) a juror gave one criterion on one sheet."""

    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.CASCADE, related_name="scores", verbose_name=_("hoja de puntuación")
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterio"))
    level = models.PositiveSmallIntegerField(_("nivel"), validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["sheet", "criterion"], name="one_score_per_criterion")]
        verbose_name = _("calificación")
        verbose_name_plural = _("calificaciones")

    def __str__(self) -> str:
        return f"{self.criterion}: {self.level}"


class Result(models.Model):
    """An entry's place once the event was computed and closed: score, rank, flags and outcome."""

    class Outcome(models.TextChoices):
        WINNER = "ganador", _("Recibe capital semilla")
        RESERVE = "reserva", _("Lista de reserva")
        WITHDRAWN = "retirado", _("Se retiró")

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="result", verbose_name=_("presentación"))
    score = models.DecimalField(_("puntaje"), max_digits=6, decimal_places=2)
    rank = models.PositiveIntegerField(_("puesto"))
    tie_break = models.CharField(_("desempate"), max_length=40, blank=True)
    needs_deliberation = models.BooleanField(_("requiere deliberación"), default=False)
    outcome = models.CharField(_("resultado"), max_length=10, choices=Outcome.choices)
    reserve_position = models.PositiveIntegerField(_("puesto en la reserva"), null=True, blank=True)
    computed_at = models.DateTimeField(verbose_name=_("calculado el"))

    class Meta:
        ordering = ["rank", "id"]
        verbose_name = _("resultado")
        verbose_name_plural = _("resultados")

    def __str__(self) -> str:
        return f"{self.entry} · {self.rank}"


class Award(models.Model):
    """Seed capital granted to an entry (in goods, see the seedcapital app). Withdrawn awards stay, with a reason."""

    class Status(models.TextChoices):
        ACTIVE = "vigente", _("Vigente")
        WITHDRAWN = "retirado", _("Retirado")

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="awards", verbose_name=_("presentación"))
    amount = models.DecimalField(_("monto (USD)"), max_digits=10, decimal_places=2)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    promoted_from_reserve = models.BooleanField(_("subió desde la reserva"), default=False)
    withdrawal_reason = models.CharField(_("motivo del retiro"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["entry__result__rank", "id"]
        verbose_name = _("premio")
        verbose_name_plural = _("premios")

    def __str__(self) -> str:
        return str(self.entry)


class AuditEntry(AppendOnlyModel):
    """Append-only log of pitch day: who did what, when, with the old and the new value."""

    class Kind(models.TextChoices):
        ASSIGNED = "asignacion", _("Asignación de jurado")
        UNASSIGNED = "desasignacion", _("Se quitó una asignación")
        NO_CONFLICT = "sin_conflicto", _("Declaró que no tiene conflicto")
        RECUSED = "excusa", _("Se excusó por conflicto de interés")
        SCORE_CREATED = "nota_creada", _("Calificación registrada")
        SCORE_CHANGED = "nota_cambiada", _("Calificación cambiada")
        SHEET_SUBMITTED = "hoja_enviada", _("Hoja de calificación enviada")
        NORMALIZED = "calculo", _("Cálculo de resultados")
        DELIBERATED = "deliberacion", _("Orden decidido por el jurado en un empate")
        ALLOCATED = "asignacion_capital", _("Asignación de capital semilla")
        WITHDRAWN = "retiro", _("Un ganador se retiró")
        PROMOTED = "promocion", _("Subió desde la reserva")
        LOCKED = "cierre", _("Evento cerrado")
        REOPENED = "reapertura", _("Evento reabierto")

    event = models.ForeignKey(
        PitchEvent, on_delete=models.PROTECT, related_name="audit_entries", verbose_name=_("evento")
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hecho por"),
    )
    entry = models.ForeignKey(
        Entry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("presentación")
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("jurado"),
    )
    old_value = models.JSONField(null=True, blank=True, verbose_name=_("valor anterior"))
    new_value = models.JSONField(null=True, blank=True, verbose_name=_("valor nuevo"))
    reason = models.CharField(_("motivo"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registro del pitch")
        verbose_name_plural = _("registro del pitch")

    def __str__(self) -> str:
        return f"{self.event} · {self.kind}"
