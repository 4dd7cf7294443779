"""Reads for the coordinator's setup page: eligible ventures, entries, the assignment matrix and recusals."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from incubator.jury.models import MIN_JURORS_PER_VENTURE, Assignment, Entry, PitchEvent
from incubator.milestones.models import Milestone
from incubator.plans.models import PlanVersion
from incubator.ventures.models import Venture


@dataclass(frozen=True)
class Eligibility:
    venture: Venture
    eligible: bool
    reasons: list[str]
    version_id: int | None
    version_number: int | None


def eligibility_of(*, ventures: QuerySet[Venture]) -> list[Eligibility]:
    """Each venture with whether it may pitch: every milestone approved and at least one submitted plan version.
    Ineligible ones carry the reasons in Spanish. One query."""
    latest = PlanVersion.objects.filter(plan__venture=OuterRef("pk")).order_by("-number")
    rows = ventures.annotate(
        milestones_total=Count("milestones", distinct=True),
        milestones_approved=Count("milestones", filter=Q(milestones__status=Milestone.Status.APPROVED), distinct=True),
        version_id=Subquery(latest.values("pk")[:1], output_field=IntegerField()),
        version_number=Subquery(latest.values("number")[:1], output_field=IntegerField()),
    ).order_by("name", "pk")
    result = []
    for venture in rows:
        reasons = []
        if venture.milestones_approved < venture.milestones_total:
            reasons.append(
                _("Tiene hitos sin aprobar (aprobados: %(approved)s de %(total)s).")
                % {"approved": venture.milestones_approved, "total": venture.milestones_total}
            )
        if venture.version_id is None:
            reasons.append(_("Todavía no envió ninguna versión de su plan de negocio."))
        result.append(
            Eligibility(
                venture=venture,
                eligible=not reasons,
                reasons=reasons,
                version_id=venture.version_id,
                version_number=venture.version_number,
            )
        )
    return result


def entry_of_event_or_404(*, event: PitchEvent, entry_id: int) -> Entry:
    entry = event.entries.select_related("venture").filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


@dataclass
class EntryColumn:
    entry: Entry
    counting: int = 0
    cells: dict = field(default_factory=dict)

    @property
    def short(self) -> bool:
        return not self.entry.is_calibration and self.counting < MIN_JURORS_PER_VENTURE


def setup_overview(*, event: PitchEvent) -> dict:
    """Everything the setup page shows, in four queries whatever the number of entries and jurors:
    entries, jurors, assignments (with sheet state) and the cohort's ventures with eligibility."""
    entries = list(event.entries.select_related("venture", "plan_version").defer("plan_version__snapshot"))
    jurors = list(event.jurors.order_by("first_name", "last_name", "id"))
    assignments = list(
        Assignment.objects.filter(entry__event=event)
        .select_related("juror", "sheet")
        .defer("sheet__comment", "sheet__private_note")
    )
    columns = {e.pk: EntryColumn(entry=e) for e in entries}
    for a in assignments:
        column = columns[a.entry_id]
        a.entry = column.entry  # already loaded: no query per recusal listed
        column.cells[a.juror_id] = a
        if a.status != Assignment.Status.RECUSED:
            column.counting += 1
    matrix = [{"juror": j, "cells": [columns[e.pk].cells.get(j.pk) for e in entries]} for j in jurors]
    entered = {e.venture_id for e in entries if e.venture_id}
    candidates = [
        c
        for c in eligibility_of(ventures=Venture.objects.filter(cohort_id=event.cohort_id))
        if c.venture.pk not in entered
    ]
    return {
        "entries": entries,
        "columns": [columns[e.pk] for e in entries],
        "jurors": jurors,
        "matrix": matrix,
        "recusals": [a for a in assignments if a.status == Assignment.Status.RECUSED],
        "eligible": [c for c in candidates if c.eligible],
        "ineligible": [c for c in candidates if not c.eligible],
        "has_calibration": any(e.is_calibration for e in entries),
        "short_entries": [c.entry for c in columns.values() if c.short],
    }
