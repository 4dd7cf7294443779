"""Personal data held by plans: her venture's business plan and submitted versions."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare
from incubator.plans.models import BusinessPlan, PlanVersion

SECTION = _("Incubadora: tu emprendimiento")

declare(
    BusinessPlan,
    section=SECTION,
    title=_("Plan de negocio"),
    rows=by_user("venture__members", "updated_by"),
    export=(
        "venture__name",
        "summary",
        "problem",
        "market",
        "team",
        "value_proposition",
        "customer_segments",
        "channels",
        "customer_relationships",
        "revenue_streams",
        "key_resources",
        "key_activities",
        "key_partners",
        "cost_structure",
        "unit_name",
        "price_per_unit",
        "variable_cost_per_unit",
        "expected_monthly_units",
        "startup_costs",
        "fixed_costs",
        "revision",
        "updated_at",
    ),
    erase=reasons.TEAM,
)
declare(
    PlanVersion,
    section=SECTION,
    title=_("Versiones enviadas del plan"),
    rows=by_user("plan__venture__members", "submitted_by"),
    export=("plan__venture__name", "number", "submitted_at"),
    erase=reasons.TEAM,
)
