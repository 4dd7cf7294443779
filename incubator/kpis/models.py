"""Monthly figures of each venture, typed in directly or summed from a simple cash diary."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

ZERO = Decimal("0.00")


class MonthlyFigure(models.Model):
    """One venture's month: sales, income and costs in USD, customers and jobs."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Escrito a mano")
        CASH = "diario", _("Calculado del diario de caja")

    venture = models.ForeignKey(
        "ventures.Venture", on_delete=models.CASCADE, related_name="monthly_figures", verbose_name=_("emprendimiento")
    )
    month = models.DateField(_("mes"), help_text=_("El primer día del mes."))
    sales = models.PositiveIntegerField(_("ventas"), default=0)
    income = models.DecimalField(
        _("ingresos (USD)"), max_digits=12, decimal_places=2, default=ZERO, validators=[MinValueValidator(ZERO)]
    )
    costs = models.DecimalField(
        _("costos (USD)"), max_digits=12, decimal_places=2, default=ZERO, validators=[MinValueValidator(ZERO)]
    )
    customers = models.PositiveIntegerField(_("clientes"), default=0)
    jobs = models.PositiveIntegerField(_("empleos"), default=0)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MANUAL, verbose_name=_("origen"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))

    class Meta:
        ordering = ["venture", "month"]
        constraints = [models.UniqueConstraint(fields=["venture", "month"], name="one_figure_per_month")]
        verbose_name = _("cifras del mes")
        verbose_name_plural = _("cifras mensuales")

    def __str__(self) -> str:
        return f"{self.venture} · {self.month:%Y-%m}"

    @property
    def result(self) -> Decimal:
        return self.income - self.costs


class CashEntry(models.Model):
    """One line of the cash diary: money in (entrada) or out (salida)."""

    class Kind(models.TextChoices):
        IN = "entrada", _("Entrada")
        OUT = "salida", _("Salida")

    venture = models.ForeignKey(
        "ventures.Venture", on_delete=models.CASCADE, related_name="cash_entries", verbose_name=_("emprendimiento")
    )
    date = models.DateField(_("fecha"))
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(
        _("monto (USD)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    note = models.CharField(_("nota"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("creado por")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["venture", "-date", "-pk"]
        indexes = [models.Index(fields=["venture", "date"])]
        verbose_name = _("movimiento de caja")
        verbose_name_plural = _("diario de caja")

    def __str__(self) -> str:
        return f"{self.date} {self.kind} {self.amount}"
