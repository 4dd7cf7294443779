"""Writes on business plans: save the draft (with conflict detection) and freeze versions."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from incubator.plans.fields import ALL_FIELDS, changed_fields, plan_values, snapshot_of
from incubator.plans.models import BusinessPlan, PlanVersion
from incubator.ventures.models import Venture


class PlanConflict(Exception):
    """The draft was saved elsewhere since the copy being saved was loaded; nothing was written."""

    def __init__(self, *, plan: BusinessPlan, fields: list[str]):
        super().__init__(_("Este plan se guardó en otra pestaña o por otra persona mientras escribías."))
        self.plan = plan
        self.fields = fields


class NothingToSubmit(Exception):
    """The draft is identical to the last version."""


def business_plan_ensure(*, venture: Venture) -> BusinessPlan:
    """The venture's plan, created empty the first time anyone opens it."""
    plan, _created = BusinessPlan.objects.get_or_create(venture=venture)
    return plan


def business_plan_save(*, plan_id: int, by, values: dict, base_revision: int) -> BusinessPlan:
    """Save the draft `values` (all of ALL_FIELDS) if the plan is still at `base_revision`, bumping it.
    Raises PlanConflict (writing nothing) when another save happened since and any field differs.
    Saving identical content is a no-op that keeps the revision."""
    with transaction.atomic():
        # Lock the row: two tabs saving at the same moment must not both pass the revision check and
        # the second silently overwrite the first.
        plan = BusinessPlan.objects.select_for_update().get(pk=plan_id)
        current = plan_values(plan)
        differing = changed_fields(current, values)
        if not differing:
            return plan
        if plan.revision != base_revision:
            raise PlanConflict(plan=plan, fields=differing)
        for name in ALL_FIELDS:
            setattr(plan, name, values[name])
        plan.price_per_unit = Decimal(values["price_per_unit"])
        plan.variable_cost_per_unit = Decimal(values["variable_cost_per_unit"])
        plan.revision += 1
        plan.updated_by = by
        plan.updated_at = timezone.now()
        plan.save()
        return plan


def plan_version_submit(*, plan_id: int, by) -> PlanVersion:
    """Freeze the saved draft as the next numbered version. Raises NothingToSubmit when it equals the last
    version."""
    with transaction.atomic():
        # Lock the plan: two submits at once would both read the same last number.
        plan = BusinessPlan.objects.select_for_update().get(pk=plan_id)
        snapshot = snapshot_of(plan_values(plan))
        last = plan.versions.order_by("-number").first()
        if last and last.snapshot["fields"] == snapshot["fields"]:
            raise NothingToSubmit(_("No hay cambios desde la versión %(number)s.") % {"number": last.number})
        number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        return PlanVersion.objects.create(
            plan=plan, number=number, snapshot=snapshot, submitted_by=by, submitted_at=timezone.now()
        )
