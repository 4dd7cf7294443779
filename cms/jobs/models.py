from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One piece of work a person waits on, as they see it: state, progress, a Spanish message, the result.

    The task queue (django-tasks) runs it; this row is the source of truth for the person and for retries.
    `key` names the work itself (kind, object, version), so asking twice never does it twice.
    """

    class State(models.TextChoices):
        QUEUED = "en_cola", _("En cola")
        RUNNING = "en_curso", _("En curso")
        DONE = "listo", _("Listo")
        FAILED = "fallo", _("Falló")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs", verbose_name=_("persona")
    )
    kind = models.CharField(_("tipo"), max_length=64)
    subject_id = models.PositiveBigIntegerField(_("objeto"), null=True, blank=True)
    key = models.CharField(_("clave"), max_length=200, unique=True)
    task_path = models.CharField(_("tarea"), max_length=200)
    payload = models.JSONField(
        _("datos de entrada"), default=dict, blank=True
    )  # what the task needs besides the object
    state = models.CharField(_("estado"), max_length=16, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("avance"), default=0)
    message = models.CharField(_("mensaje"), max_length=300, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("intentos"), default=0)
    result_file = models.FileField(_("archivo"), upload_to="trabajos/", blank=True)
    result_name = models.CharField(_("nombre del archivo"), max_length=200, blank=True)
    result_url = models.CharField(_("enlace del resultado"), max_length=500, blank=True)
    result_text = models.CharField(_("resumen del resultado"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizado el"), auto_now=True)
    started_at = models.DateTimeField(_("empezó el"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminó el"), null=True, blank=True)

    class Meta:
        verbose_name = _("trabajo")
        verbose_name_plural = _("trabajos")
        indexes = [models.Index(fields=["owner", "-created_at"], name="jobs_owner_recent")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
