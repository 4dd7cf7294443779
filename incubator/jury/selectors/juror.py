"""Reads for the juror's pages, always through access.assignments_of_juror: a juror reaches only their own
assignments, and never another juror's scores (only the anonymous calibration spread)."""

from dataclasses import dataclass
from statistics import median

from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from incubator.jury.access import assignments_of_juror
from incubator.jury.models import Assignment, Criterion, Entry, PitchEvent, Score


class SheetState(models.TextChoices):
    """Where a juror stands on one entry, as Mis pitches shows it."""

    CONFLICT = "conflicto", _("Pendiente: declara si tienes conflicto")
    PENDING = "pendiente", _("Pendiente")
    IN_PROGRESS = "en_progreso", _("En progreso")
    SUBMITTED = "enviada", _("Enviada")
    RECUSED = "excusado", _("Te excusaste")


def sheet_state(assignment: Assignment) -> SheetState:
    """The SheetState of an assignment, from its status and its (loaded) sheet."""
    if assignment.status == Assignment.Status.RECUSED:
        return SheetState.RECUSED
    if assignment.status == Assignment.Status.PENDING:
        return SheetState.CONFLICT
    sheet = getattr(assignment, "sheet", None)
    if sheet is None or (not sheet.revision and not sheet.submitted_at):
        return SheetState.PENDING
    return SheetState.SUBMITTED if sheet.submitted_at else SheetState.IN_PROGRESS


@dataclass(frozen=True)
class PitchRow:
    assignment: Assignment
    state: SheetState

    State = SheetState  # for templates: {% if row.state == row.State.RECUSED %}

    @property
    def label(self) -> str:
        return str(SheetState(self.state).label)


@dataclass(frozen=True)
class PitchGroup:
    """One event's entries for one juror."""

    event: PitchEvent
    rows: list[PitchRow]


def my_pitches(*, user) -> list[PitchGroup]:
    """The juror's entries grouped by event, newest event first; one query."""
    assignments = (
        assignments_of_juror(user)
        .select_related("entry__event", "entry__venture", "sheet")
        .defer("entry__calibration_text", "sheet__comment", "sheet__private_note")
        .order_by("-entry__event__starts_at", "entry__event_id", "entry_id")
    )
    events: dict[int, PitchGroup] = {}
    for a in assignments:
        group = events.setdefault(a.entry.event_id, PitchGroup(event=a.entry.event, rows=[]))
        group.rows.append(PitchRow(assignment=a, state=sheet_state(a)))
    return list(events.values())


def assignment_for_or_404(*, user, entry_id: int) -> Assignment:
    """The juror's own assignment on this entry, with event, rubric, venture, frozen plan version and sheet;
    404 for any entry not assigned to them. One query."""
    assignment = (
        assignments_of_juror(user)
        .select_related("entry__event__rubric", "entry__venture", "entry__plan_version", "sheet")
        .filter(entry_id=entry_id)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def criteria_of(*, assignment: Assignment) -> list[Criterion]:
    return list(assignment.entry.event.rubric.criteria.all())


@dataclass(frozen=True)
class JurorSheet:
    """One juror's assignment with the criteria of its event's rubric: what the score sheet is built from."""

    assignment: Assignment
    criteria: list[Criterion]


def juror_sheet_of(*, assignment: Assignment) -> JurorSheet:
    """The assignment (from assignment_for_or_404) with its rubric's criteria: one query."""
    return JurorSheet(assignment=assignment, criteria=criteria_of(assignment=assignment))


def levels_of(*, assignment: Assignment) -> dict[int, int]:
    """{criterion id: level} of the juror's own sheet."""
    sheet = getattr(assignment, "sheet", None)
    if sheet is None:
        return {}
    return dict(sheet.scores.values_list("criterion_id", "level"))


def neighbours_of(*, assignment: Assignment) -> tuple[int | None, int | None]:
    """(previous, next) entry ids among the juror's not-recused entries of the same event. One query."""
    ids = list(
        Assignment.objects.filter(juror_id=assignment.juror_id, entry__event_id=assignment.entry.event_id)
        .exclude(status=Assignment.Status.RECUSED)
        .order_by("entry_id")
        .values_list("entry_id", flat=True)
    )
    if assignment.entry_id not in ids:
        return None, None
    at = ids.index(assignment.entry_id)
    return (ids[at - 1] if at > 0 else None), (ids[at + 1] if at + 1 < len(ids) else None)


@dataclass(frozen=True)
class Spread:
    criterion: Criterion
    low: int
    middle: float
    high: int


def calibration_spread(*, entry: Entry, criteria: list[Criterion]) -> list[Spread] | None:
    """Min, median and max level per criterion across jurors of a calibration entry, without names; None until
    every not-recused juror submitted it (and never for a real entry). Two queries."""
    if not entry.is_calibration:
        return None
    counts = (
        Assignment.objects.filter(entry=entry)
        .exclude(status=Assignment.Status.RECUSED)
        .aggregate(total=Count("pk"), submitted=Count("pk", filter=Q(sheet__submitted_at__isnull=False)))
    )
    if not counts["total"] or counts["submitted"] < counts["total"]:
        return None
    levels: dict[int, list[int]] = {}
    rows = (
        Score.objects.filter(sheet__assignment__entry=entry, sheet__submitted_at__isnull=False)
        .exclude(sheet__assignment__status=Assignment.Status.RECUSED)
        .values_list("criterion_id", "level")
    )
    for criterion_id, level in rows:
        levels.setdefault(criterion_id, []).append(level)
    return [
        Spread(criterion=c, low=min(levels[c.pk]), middle=median(levels[c.pk]), high=max(levels[c.pk]))
        for c in criteria
        if levels.get(c.pk)
    ]
