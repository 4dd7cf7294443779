"""Reads for the plan pages, always through the venture access rule."""

from dataclasses import dataclass

from django.http import Http404

from incubator.plans.fields import (
    CANVAS_BLOCKS,
    LABELS,
    NARRATIVE_SECTIONS,
    RESULT_LABELS,
    changed_fields,
    display,
    finance_of,
)
from incubator.plans.models import BusinessPlan, PlanVersion
from incubator.ventures.access import ventures_visible_to
from incubator.ventures.models import Venture


@dataclass(frozen=True)
class VentureAccess:
    venture: Venture
    can_edit: bool


def venture_access_or_404(*, user, venture_id: int) -> VentureAccess:
    """The venture if the person may see it, and whether they may edit it (team members only).
    Outsiders get 404: the venture's existence is not revealed. Two queries."""
    venture = ventures_visible_to(user).select_related("cohort").filter(pk=venture_id).first()
    if venture is None:
        raise Http404
    return VentureAccess(venture=venture, can_edit=venture.members.filter(pk=user.pk).exists())


def plan_of(*, venture: Venture) -> BusinessPlan | None:
    return BusinessPlan.objects.filter(venture=venture).first()


def versions_of(*, plan: BusinessPlan | None) -> list[PlanVersion]:
    if plan is None:
        return []
    return list(plan.versions.select_related("submitted_by").defer("snapshot"))


def version_of_or_404(*, plan: BusinessPlan | None, number: int) -> PlanVersion:
    version = plan and plan.versions.select_related("submitted_by").filter(number=number).first()
    if not version:
        raise Http404
    return version


def plan_sections(values: dict) -> dict:
    """What a reader sees: canvas blocks, narrative sections (label, text) and the financial results."""
    return {
        "canvas": [(s.label, values[s.name]) for s in CANVAS_BLOCKS],
        "narrative": [(s.label, values[s.name]) for s in NARRATIVE_SECTIONS],
        "finance": finance_of(values),
        "values": values,
        "rows": {
            "startup_costs": values["startup_costs"],
            "fixed_costs": values["fixed_costs"],
        },
    }


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def versions_compare(*, old: PlanVersion, new: PlanVersion) -> list[Change]:
    """Only the fields that changed between two versions, old vs new, plus changed financial results."""
    a, b = old.snapshot["fields"], new.snapshot["fields"]
    changes = [Change(str(LABELS[n]), display(n, a[n]), display(n, b[n])) for n in changed_fields(a, b)]
    fa, fb = old.snapshot["finance"], new.snapshot["finance"]
    for key in ("margin", "monthly", "break_even", "recovery"):
        if fa[key]["sentence"] != fb[key]["sentence"]:
            changes.append(Change(str(RESULT_LABELS[key]), fa[key]["sentence"], fb[key]["sentence"]))
    return changes
