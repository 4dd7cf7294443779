from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class H5PActivity(models.Model):
    """An imported, validated H5P package. Its files live under settings.H5P_ROOT/<sha256>/."""

    class GradePolicy(models.TextChoices):
        BEST = "best", _("La mejor calificación")
        LAST = "last", _("La última calificación")

    title = models.CharField(_("título"), max_length=255)
    main_library = models.CharField(_("biblioteca principal"), max_length=255)
    language = models.CharField(_("idioma"), max_length=20, blank=True)
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(_("tamaño"))
    uncompressed_bytes = models.PositiveBigIntegerField(_("tamaño descomprimido"))
    metadata = models.JSONField(default=dict, editable=False)
    grade_policy = models.CharField(_("qué calificación cuenta"), max_length=5, choices=GradePolicy.choices,
                                    default=GradePolicy.BEST)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("subido por"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("subido el"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("actividad H5P")
        verbose_name_plural = _("actividades H5P")

    def __str__(self) -> str:
        return self.title

    @property
    def size_mb(self) -> float:
        return round(self.size_bytes / (1024 * 1024), 1)
