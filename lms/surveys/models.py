from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SatisfactionResponse(models.Model):
    """End-of-course survey: one per learner per course."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="satisfaction", verbose_name=_("curso")
    )
    rating = models.PositiveSmallIntegerField(
        _("¿Qué tan satisfecha o satisfecho estás?"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comentario"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_survey_per_course")]
        verbose_name = _("respuesta de satisfacción")
        verbose_name_plural = _("respuestas de satisfacción")

    def __str__(self) -> str:
        return f"{self.course} · {self.rating}"
