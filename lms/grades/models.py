from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class GradeItem(models.Model):
    """One graded thing of a course: a quiz (source_kind="quiz"), or an H5P activity in one lesson
    (source_kind="h5p", lesson set: the same package may be placed in several lessons and courses)."""

    class Reporter(models.TextChoices):
        SERVER = "servidor", _("Calificado en el servidor")
        BROWSER = "navegador", _("Informado por el navegador")

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="grade_items", verbose_name=_("curso")
    )
    title = models.CharField(_("título"), max_length=200)
    source_kind = models.CharField(_("origen"), max_length=20)
    source_id = models.PositiveBigIntegerField(_("id del origen"))
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lección"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    weight = models.DecimalField(_("peso"), max_digits=6, decimal_places=2, default=Decimal("1"))
    reported_by = models.CharField(
        max_length=10, choices=Reporter.choices, default=Reporter.SERVER, verbose_name=_("informado por")
    )
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("posición"))

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "source_kind", "source_id"],
                condition=Q(lesson__isnull=True),
                name="one_item_per_course_source",
            ),
            models.UniqueConstraint(
                fields=["course", "lesson", "source_kind", "source_id"],
                condition=Q(lesson__isnull=False),
                name="one_item_per_lesson_source",
            ),
        ]
        verbose_name = _("elemento calificable")
        verbose_name_plural = _("elementos calificables")

    def __str__(self) -> str:
        return self.title


class Grade(models.Model):
    item = models.ForeignKey(
        GradeItem, on_delete=models.CASCADE, related_name="grades", verbose_name=_("elemento calificable")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grades", verbose_name=_("persona")
    )
    score = models.DecimalField(_("calificación (%)"), max_digits=5, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "user"], name="one_grade_per_item")]
        verbose_name = _("calificación")
        verbose_name_plural = _("calificaciones")

    def __str__(self) -> str:
        return f"{self.item} · {self.user} · {self.score}"
