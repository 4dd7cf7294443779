from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.append_only import AppendOnlyModel


class IndicatorTarget(models.Model):
    """A programme's baseline and target for one indicator in a year, or in one quarter of it."""

    programme = models.ForeignKey(
        "accounts.Programme", on_delete=models.CASCADE, related_name="indicator_targets", verbose_name=_("programa")
    )
    indicator_code = models.CharField(_("indicador"), max_length=12)
    year = models.PositiveSmallIntegerField(_("año"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    quarter = models.PositiveSmallIntegerField(
        _("trimestre"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Vacío: la meta es para todo el año."),
    )
    baseline = models.DecimalField(_("línea de base"), max_digits=10, decimal_places=1, default=0)
    target = models.DecimalField(_("meta"), max_digits=10, decimal_places=1)

    class Meta:
        ordering = ["programme", "year", "quarter", "indicator_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "indicator_code", "year", "quarter"], name="one_target_per_period"
            ),
            models.UniqueConstraint(
                fields=["programme", "indicator_code", "year"],
                condition=models.Q(quarter__isnull=True),
                name="one_yearly_target",
            ),
        ]
        verbose_name = _("meta de indicador")
        verbose_name_plural = _("metas de indicadores")

    def __str__(self) -> str:
        period = f"{self.year}" if self.quarter is None else f"{self.year} T{self.quarter}"
        return f"{self.indicator_code} · {period}"

    def clean(self) -> None:
        from cms.indicators.registry import indicators

        if self.indicator_code not in {ind.code for ind in indicators()}:
            raise ValidationError({"indicator_code": _("Ese indicador no existe.")})


class IndicatorAccess(AppendOnlyModel):
    """Who saw or exported which indicators, and how many cells were hidden (append-only)."""

    class Action(models.TextChoices):
        VIEWED = "ver", _("Vio la página")
        CSV = "csv", _("Exportó CSV")
        XLSX = "xlsx", _("Exportó XLSX")
        COMMAND = "comando", _("Exportó desde la línea de comandos")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("persona"),
    )
    role = models.CharField(_("rol"), max_length=60, blank=True)
    programme = models.ForeignKey(
        "accounts.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programa"),
    )
    action = models.CharField(_("acción"), max_length=10, choices=Action.choices)
    period = models.CharField(_("periodo"), max_length=30)
    detail = models.JSONField(_("detalle"), default=dict, blank=True)
    cells_suppressed = models.PositiveIntegerField(_("celdas ocultas"), default=0)
    content_sha256 = models.CharField(_("huella SHA-256"), max_length=64, blank=True)
    at = models.DateTimeField(_("fecha"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("consulta de indicadores")
        verbose_name_plural = _("consultas de indicadores")

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.period}"
