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
    sha256 = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("huella SHA-256"))
    size_bytes = models.PositiveBigIntegerField(_("tamaño"))
    uncompressed_bytes = models.PositiveBigIntegerField(_("tamaño descomprimido"))
    metadata = models.JSONField(default=dict, editable=False, verbose_name=_("metadatos"))
    grade_policy = models.CharField(
        _("qué calificación cuenta"), max_length=5, choices=GradePolicy.choices, default=GradePolicy.BEST
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("subido por"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
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


class H5PResult(models.Model):
    """One learner's record for one activity in one lesson: what the top-level xAPI statements reported.

    Keyed by lesson too: the same package may sit in lessons of several courses, and a play in one
    must not count in another.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_results", verbose_name=_("persona")
    )
    activity = models.ForeignKey(
        H5PActivity, on_delete=models.CASCADE, related_name="results", verbose_name=_("actividad")
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lección"), on_delete=models.CASCADE, related_name="+"
    )
    completed = models.BooleanField(_("completada"), default=False)
    success = models.BooleanField(_("aprobada"), null=True)
    raw_score = models.DecimalField(max_digits=8, decimal_places=2, null=True, verbose_name=_("puntos"))
    max_score = models.DecimalField(max_digits=8, decimal_places=2, null=True, verbose_name=_("puntos máximos"))
    scaled_score = models.DecimalField(max_digits=5, decimal_places=4, null=True, verbose_name=_("puntuación (0 a 1)"))
    attempts = models.PositiveIntegerField(_("intentos"), default=0)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "activity", "lesson"], name="one_h5p_result_per_learner_and_lesson")
        ]
        verbose_name = _("resultado H5P")
        verbose_name_plural = _("resultados H5P")

    def __str__(self) -> str:
        return f"{self.user_id} · {self.activity_id}"


class XAPIStatement(models.Model):
    """A statement the browser sent, as received (bounded in size, verb from the allow-list)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    activity = models.ForeignKey(
        H5PActivity, on_delete=models.CASCADE, related_name="statements", verbose_name=_("actividad")
    )
    # Null only for statements received before lessons were recorded.
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("lección")
    )
    verb = models.CharField(max_length=40, verbose_name=_("verbo xAPI"))
    top_level = models.BooleanField(default=True, verbose_name=_("actividad principal"))
    statement = models.JSONField(verbose_name=_("declaración xAPI"))
    received_at = models.DateTimeField(auto_now_add=True, verbose_name=_("recibida el"))

    class Meta:
        indexes = [models.Index(fields=["user", "activity"])]

    def __str__(self) -> str:
        return self.verb


class H5PUserState(models.Model):
    """Resume state of an activity in one lesson (H5P "content user data"), at most 64 KB."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("persona")
    )
    activity = models.ForeignKey(H5PActivity, on_delete=models.CASCADE, related_name="+", verbose_name=_("actividad"))
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("lección")
    )
    data = models.TextField(verbose_name=_("estado guardado"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "activity", "lesson"], name="one_h5p_state_per_learner_and_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.activity_id}"
