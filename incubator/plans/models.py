from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from incubator.plans.fields import LABELS, TEXT_MAX_LENGTH


def _text(name: str) -> models.TextField:
    return models.TextField(LABELS[name], blank=True, max_length=TEXT_MAX_LENGTH)


class BusinessPlan(models.Model):
    """The working draft of a venture's business plan: canvas, narrative and financial sheet.
    `revision` grows with each save so a save from an older copy is detected, never silently applied."""

    venture = models.OneToOneField(
        "ventures.Venture", verbose_name=_("emprendimiento"), on_delete=models.CASCADE, related_name="plan"
    )
    # The nine blocks of the business model canvas.
    customer_segments = _text("customer_segments")
    value_proposition = _text("value_proposition")
    channels = _text("channels")
    customer_relationships = _text("customer_relationships")
    revenue_streams = _text("revenue_streams")
    key_resources = _text("key_resources")
    key_activities = _text("key_activities")
    key_partners = _text("key_partners")
    cost_structure = _text("cost_structure")
    # Narrative sections.
    summary = _text("summary")
    problem = _text("problem")
    market = _text("market")
    team = _text("team")
    # Financial sheet (USD). Cost rows are [{"description": str, "amount": "12.50"}, ...].
    unit_name = models.CharField(LABELS["unit_name"], max_length=60, blank=True)
    price_per_unit = models.DecimalField(LABELS["price_per_unit"], max_digits=10, decimal_places=2, default=0)
    variable_cost_per_unit = models.DecimalField(
        LABELS["variable_cost_per_unit"], max_digits=10, decimal_places=2, default=0
    )
    expected_monthly_units = models.PositiveIntegerField(LABELS["expected_monthly_units"], default=0)
    startup_costs = models.JSONField(LABELS["startup_costs"], default=list, blank=True)
    fixed_costs = models.JSONField(LABELS["fixed_costs"], default=list, blank=True)

    revision = models.PositiveIntegerField(default=0, verbose_name=_("revisión"))
    updated_at = models.DateTimeField(null=True, blank=True, verbose_name=_("última actualización"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actualizado por"),
    )

    class Meta:
        verbose_name = _("plan de negocio")
        verbose_name_plural = _("planes de negocio")

    def __str__(self) -> str:
        return str(_("Plan de negocio de %(venture)s") % {"venture": self.venture})


class PlanVersion(models.Model):
    """A frozen, numbered copy of the plan as it was submitted (every field plus the financial results)."""

    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan"))
    number = models.PositiveIntegerField(_("versión"))
    snapshot = models.JSONField(verbose_name=_("copia del plan"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("enviada por")
    )
    submitted_at = models.DateTimeField(_("enviada el"))

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique")]
        verbose_name = _("versión del plan")
        verbose_name_plural = _("versiones del plan")

    def __str__(self) -> str:
        return str(_("Versión %(number)s") % {"number": self.number})
