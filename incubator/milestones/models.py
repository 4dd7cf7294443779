"""Milestones of the four-month incubator, their tasks, evidence and reviews; the mentor log; prototypes."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class MilestoneTemplate(ClusterableModel):
    """The milestones every venture of a cohort follows. Without a cohort it is the default template."""

    name = models.CharField(_("nombre"), max_length=150)
    cohort = models.OneToOneField(
        "cohorts.Cohort",
        verbose_name=_("cohorte"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="milestone_template",
        help_text=_("Vacío: es la plantilla por defecto para todas las cohortes."),
    )

    panels = [FieldPanel("name"), FieldPanel("cohort"), InlinePanel("items", label=_("Hitos"), min_num=1)]

    class Meta:
        verbose_name = _("plantilla de hitos")
        verbose_name_plural = _("plantillas de hitos")

    def __str__(self) -> str:
        return self.name


class MilestoneTemplateItem(Orderable):
    template = ParentalKey(
        MilestoneTemplate, on_delete=models.CASCADE, related_name="items", verbose_name=_("plantilla")
    )
    code = models.CharField(_("código"), max_length=10, help_text=_("Por ejemplo: M1"))
    title = models.CharField(_("título"), max_length=150)
    description = models.TextField(_("descripción"), blank=True, max_length=2000)
    due_days = models.PositiveSmallIntegerField(
        _("días desde el inicio"), help_text=_("El hito vence este número de días después del inicio de la cohorte.")
    )
    tasks = models.TextField(_("tareas"), blank=True, help_text=_("Una tarea por línea."))

    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("due_days"),
        FieldPanel("tasks"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hito de la plantilla")
        verbose_name_plural = _("hitos de la plantilla")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def task_titles(self) -> list[str]:
        return [line.strip() for line in self.tasks.splitlines() if line.strip()]


class Milestone(models.Model):
    """One milestone of one venture: tasks, evidence, and the mentor's decision."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("Pendiente")
        SUBMITTED = "enviado", _("Enviado")
        APPROVED = "aprobado", _("Aprobado")
        CHANGES = "requiere_cambios", _("Requiere cambios")

    venture = models.ForeignKey(
        "ventures.Venture", verbose_name=_("emprendimiento"), on_delete=models.CASCADE, related_name="milestones"
    )
    position = models.PositiveSmallIntegerField(_("orden"))
    code = models.CharField(_("código"), max_length=10)
    title = models.CharField(_("título"), max_length=150)
    description = models.TextField(_("descripción"), blank=True)
    due_date = models.DateField(_("fecha límite"))
    status = models.CharField(_("estado"), max_length=20, choices=Status.choices, default=Status.PENDING)
    submitted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("enviado el"))
    approved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("aprobado el"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        ordering = ["venture", "position"]
        constraints = [models.UniqueConstraint(fields=["venture", "position"], name="one_milestone_per_position")]
        verbose_name = _("hito")
        verbose_name_plural = _("hitos")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.APPROVED and self.due_date < timezone.localdate()

    @property
    def team_can_change(self) -> bool:
        """Tasks and evidence change while the team works on it, not while the mentor reviews it."""
        return self.status in (self.Status.PENDING, self.Status.CHANGES)


class Task(models.Model):
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("hito"))
    title = models.CharField(_("tarea"), max_length=200)
    due_on = models.DateField(_("para cuándo"), null=True, blank=True)
    done = models.BooleanField(_("hecha"), default=False)
    done_at = models.DateTimeField(null=True, blank=True, verbose_name=_("hecha el"))
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hecha por"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["milestone", "created_at", "pk"]
        verbose_name = _("tarea")
        verbose_name_plural = _("tareas")

    def __str__(self) -> str:
        return self.title


def evidence_path(instance: "Evidence", filename: str) -> str:
    # Under evidencias/: never served from MEDIA_URL, only through the access-checked view.
    return f"evidencias/{instance.milestone.venture_id}/{uuid.uuid4().hex}{instance.extension}"


class Evidence(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "foto", _("Foto")
        PDF = "pdf", _("PDF")
        AUDIO = "audio", _("Audio")

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("hito"))
    file = models.FileField(upload_to=evidence_path, max_length=200, verbose_name=_("archivo"))
    kind = models.CharField(max_length=10, choices=Kind.choices, verbose_name=_("tipo"))
    content_type = models.CharField(max_length=40, verbose_name=_("tipo de contenido"))
    extension = models.CharField(max_length=6, verbose_name=_("extensión"))
    original_name = models.CharField(_("nombre del archivo"), max_length=150)
    size = models.PositiveIntegerField(verbose_name=_("tamaño (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("subido por")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["milestone", "created_at", "pk"]
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")

    def __str__(self) -> str:
        return self.original_name


class Review(models.Model):
    class Decision(models.TextChoices):
        APPROVED = "aprobado", _("Aprobado")
        CHANGES = "requiere_cambios", _("Requiere cambios")

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("hito"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("autor(a)")
    )
    decision = models.CharField(_("decisión"), max_length=20, choices=Decision.choices)
    comment = models.TextField(_("comentario"), blank=True, max_length=3000)
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["milestone", "created_at", "pk"]
        verbose_name = _("revisión")
        verbose_name_plural = _("revisiones")

    def __str__(self) -> str:
        return f"{self.milestone} · {self.get_decision_display()}"


class MentorLogEntry(models.Model):
    """What a mentor writes after each meeting, in three fields."""

    venture = models.ForeignKey(
        "ventures.Venture", on_delete=models.CASCADE, related_name="mentor_log", verbose_name=_("emprendimiento")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("autor(a)")
    )
    seen = models.TextField(_("qué vimos"), max_length=3000)
    next_step = models.CharField(_("próximo paso"), max_length=200)
    due_on = models.DateField(_("para cuándo"))
    task = models.OneToOneField(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="log_entry", verbose_name=_("tarea")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bitácora de mentoría")
        verbose_name_plural = _("bitácora de mentoría")

    def __str__(self) -> str:
        return self.next_step


class Prototype(models.Model):
    """One version of a venture's prototype."""

    venture = models.ForeignKey(
        "ventures.Venture", on_delete=models.CASCADE, related_name="prototypes", verbose_name=_("emprendimiento")
    )
    number = models.PositiveSmallIntegerField(_("versión"))
    description = models.TextField(_("descripción"), max_length=3000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("creado por")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["venture", "-number"]
        constraints = [models.UniqueConstraint(fields=["venture", "number"], name="one_prototype_number")]
        verbose_name = _("prototipo")
        verbose_name_plural = _("prototipos")

    def __str__(self) -> str:
        return f"{self.venture} v{self.number}"


def prototype_photo_path(instance: "PrototypePhoto", filename: str) -> str:
    # Not under images/: served only through the access-checked view.
    return f"prototipos/{instance.prototype.venture_id}/{uuid.uuid4().hex}.jpg"


class PrototypePhoto(models.Model):
    prototype = models.ForeignKey(
        Prototype, on_delete=models.CASCADE, related_name="photos", verbose_name=_("prototipo")
    )
    image = models.FileField(upload_to=prototype_photo_path, max_length=200, verbose_name=_("imagen"))
    width = models.PositiveIntegerField(verbose_name=_("ancho"))
    height = models.PositiveIntegerField(verbose_name=_("alto"))
    size = models.PositiveIntegerField(verbose_name=_("tamaño (bytes)"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["prototype", "created_at", "pk"]
        verbose_name = _("foto del prototipo")
        verbose_name_plural = _("fotos del prototipo")

    def __str__(self) -> str:
        return f"{self.prototype} · {self.pk}"


class PrototypeFeedback(models.Model):
    """A note of what a customer said about a prototype version."""

    prototype = models.ForeignKey(
        Prototype, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("prototipo")
    )
    note = models.TextField(_("qué dijo el cliente"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("autor(a)")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["prototype", "created_at", "pk"]
        verbose_name = _("opinión de clientes")
        verbose_name_plural = _("opiniones de clientes")

    def __str__(self) -> str:
        return self.note[:60]
