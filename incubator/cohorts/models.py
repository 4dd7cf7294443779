from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from cms.append_only import AppendOnlyModel

# Used when a cohort has no catch-up items of its own.
DEFAULT_CATCH_UP_ITEMS = (
    _("Completa el curso Plan de negocio"),
    _("Reúnete con tu mentor(a)"),
    _("Llena el lienzo del modelo de negocio"),
)


class Cohort(ClusterableModel):
    """An incubator cohort: four months by default, in one city, with a capacity."""

    name = models.CharField(_("nombre"), max_length=150)
    city = models.CharField(_("ciudad"), max_length=60)
    start_date = models.DateField(_("fecha de inicio"))
    months = models.PositiveSmallIntegerField(_("duración en meses"), default=4)
    capacity = models.PositiveIntegerField(_("cupos"), default=30)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("coordinación"), blank=True, related_name="coordinated_cohorts"
    )
    required_courses = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("cursos requeridos"),
        blank=True,
        related_name="+",
        help_text=_("Para postular hay que completar estos cursos."),
    )
    min_post_score = models.PositiveSmallIntegerField(
        _("nota mínima en la evaluación final (%)"),
        default=60,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("city"),
                FieldPanel("start_date"),
                FieldPanel("months"),
                FieldPanel("capacity"),
            ],
            heading=_("Cohorte"),
        ),
        FieldPanel("coordinators"),
        MultiFieldPanel(
            [FieldPanel("required_courses"), FieldPanel("min_post_score")], heading=_("Requisitos para postular")
        ),
        InlinePanel("catch_up_template", label=_("Lista para ponerse al día")),
    ]

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("cohorte")
        verbose_name_plural = _("cohortes")

    def __str__(self) -> str:
        return self.name

    @property
    def end_date(self) -> date:
        month = self.start_date.month - 1 + self.months
        year = self.start_date.year + month // 12
        return self.start_date.replace(year=year, month=month % 12 + 1, day=min(self.start_date.day, 28))


class Participation(models.Model):
    """A person's place in a cohort, from application to the end (or a dropout)."""

    class Status(models.TextChoices):
        APPLIED = "postulada", _("Postuló")
        ACCEPTED = "aceptada", _("Aceptada")
        RESERVE = "reserva", _("En lista de reserva")
        DECLINED = "rechazada", _("No aceptada")
        OFFERED = "ofrecida", _("Cupo ofrecido")
        DROPPED = "retirada", _("Se retiró")
        OFFER_DECLINED = "declinada", _("No aceptó el cupo")

    class DropoutReason(models.TextChoices):
        MOVING = "mudanza", _("Mudanza")
        DOCUMENTS = "documentos", _("Documentos")
        FAMILY = "familia", _("Familia")
        WORK = "trabajo", _("Trabajo")
        OTHER = "otro", _("Otro")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="participations", verbose_name=_("cohorte")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations", verbose_name=_("persona")
    )
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    reserve_position = models.PositiveIntegerField(_("puesto en la reserva"), null=True, blank=True)
    motivation = models.TextField(_("por qué quieres entrar"), blank=True, max_length=2000)
    dropout_reason = models.CharField(_("motivo del retiro"), max_length=12, choices=DropoutReason.choices, blank=True)
    dropout_note = models.TextField(_("nota del retiro"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_participation_per_cohort")]
        verbose_name = _("participación")
        verbose_name_plural = _("participaciones")

    def __str__(self) -> str:
        return f"{self.user} · {self.cohort}"

    @property
    def holds_seat(self) -> bool:
        return self.status in (self.Status.ACCEPTED, self.Status.OFFERED)


class CatchUpTemplateItem(Orderable):
    """One line of the cohort's catch-up list, copied to each person who takes a freed seat."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="catch_up_template", verbose_name=_("cohorte"))
    text = models.CharField(_("tarea"), max_length=200)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("tarea para ponerse al día")
        verbose_name_plural = _("tareas para ponerse al día")

    def __str__(self) -> str:
        return self.text


class CatchUpItem(models.Model):
    """A newcomer's own catch-up task; they tick it when done."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="catch_up_items", verbose_name=_("participación")
    )
    text = models.CharField(_("tarea"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("posición"))
    done_at = models.DateTimeField(_("hecha el"), null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("tarea para ponerse al día")
        verbose_name_plural = _("tareas para ponerse al día")

    def __str__(self) -> str:
        return self.text


class ParticipationEvent(AppendOnlyModel):
    """Append-only log of every step of a participation: who did what, when. A line is never changed or deleted
    (removing its participation still takes it along)."""

    class Kind(models.TextChoices):
        APPLIED = "postulo", _("Postuló")
        ACCEPTED = "aceptada", _("Aceptada")
        DECLINED = "rechazada", _("No aceptada")
        RESERVED = "reserva", _("Pasó a la lista de reserva")
        DROPPED = "retiro", _("Se retiró")
        OFFERED = "ofrecida", _("Se le ofreció un cupo")
        OFFER_ACCEPTED = "cupo_aceptado", _("Aceptó el cupo")
        OFFER_DECLINED = "cupo_declinado", _("No aceptó el cupo")
        CATCH_UP_DONE = "pendiente_hecho", _("Marcó una tarea para ponerse al día")

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="events", verbose_name=_("participación")
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    detail = models.CharField(_("detalle"), max_length=255, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hecho por"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("movimiento de participación")
        verbose_name_plural = _("movimientos de participación")

    def __str__(self) -> str:
        return f"{self.participation} · {self.kind}"


class ReplacementInterview(models.Model):
    """A coordinator's interview of a candidate for a freed seat (incubator/cohorts/replacement.py)."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="replacement_interviews", verbose_name=_("cohorte")
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entrevistó"),
    )
    held_on = models.DateField(_("fecha de la entrevista"))
    notes = models.TextField(_("notas"), blank=True, max_length=2000)
    suitable = models.BooleanField(_("puede tomar el cupo"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("entrevista para un cupo libre")
        verbose_name_plural = _("entrevistas para cupos libres")

    def __str__(self) -> str:
        return f"{self.candidate} · {self.cohort} · {self.held_on}"
