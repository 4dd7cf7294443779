"""Writes on score sheets: save levels, comment and note (with conflict detection), submit. Every level created
or changed goes into the audit log with the old and the new level."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from incubator.jury.models import LEVELS, Assignment, AuditEntry, Criterion, PitchEvent, Score, ScoreSheet
from incubator.jury.services.assignments import EventClosed
from incubator.jury.services.audit import audit_record


class SheetNotOpen(Exception):
    """The juror has not declared "no conflict" on this entry, or recused from it: the sheet is not theirs to fill."""


class SheetConflict(Exception):
    """The sheet was saved elsewhere since the copy being saved was loaded; nothing was written."""

    def __init__(self, *, sheet: ScoreSheet, levels: dict[int, int]):
        super().__init__(_("Esta hoja se guardó en otra pestaña o en otro equipo mientras calificabas."))
        self.sheet = sheet
        self.levels = levels


class MissingLevels(Exception):
    """Submission needs a level for every criterion; `criteria` lists the ones without, `sheet` is the sheet as
    saved (not submitted)."""

    def __init__(self, *, criteria: list[Criterion], sheet: ScoreSheet | None = None):
        super().__init__(_("Elige un nivel en cada criterio antes de enviar."))
        self.criteria = criteria
        self.sheet = sheet


def _locked_sheet(assignment: Assignment) -> ScoreSheet:
    # Lock the event row first, in the same order as close and reopen: a save arriving while a close runs
    # waits for it and then sees the event closed, instead of changing a score the ranking no longer reads.
    list(PitchEvent.objects.select_for_update(of=("self",)).filter(entries__assignments=assignment).only("pk"))
    ScoreSheet.objects.get_or_create(assignment=assignment)
    return (
        ScoreSheet.objects.select_for_update()
        .select_related("assignment__entry__event", "assignment__juror")
        .get(assignment=assignment)
    )


def _open_or_raise(sheet: ScoreSheet) -> None:
    if sheet.assignment.entry.event.is_closed:
        raise EventClosed
    if sheet.assignment.status != Assignment.Status.ACTIVE:
        raise SheetNotOpen(_("Primero declara si tienes un conflicto de interés con este emprendimiento."))


def score_sheet_save(
    *,
    assignment: Assignment,
    by,
    levels: dict[int, int | None],
    comment: str,
    private_note: str,
    base_revision: int,
    submit: bool = False,
) -> ScoreSheet:
    """Save the levels (criterion id -> 1..5; None leaves a criterion as it is), comment and private note if the
    sheet is still at `base_revision`, bumping it; with `submit`, then submit the sheet (score_sheet_submit).

    Preconditions: the event is open and the juror declared no conflict on the entry.
    Side effects: SCORE_CREATED / SCORE_CHANGED audit lines for every level written; SHEET_SUBMITTED on submit.
    Identical content saves nothing. Raises, each time before writing anything of its step: SheetConflict when
    another save happened since and something differs; EventClosed after close; SheetNotOpen unless the juror
    declared no conflict; MissingLevels (submit only) when a criterion has no level: what was saved stays saved,
    the sheet is not submitted.
    """
    sheet = _save(
        assignment=assignment,
        by=by,
        levels=levels,
        comment=comment,
        private_note=private_note,
        base_revision=base_revision,
    )
    if submit:
        # A separate transaction on purpose: a sheet missing a level keeps the levels just saved.
        return score_sheet_submit(assignment=assignment, by=by)
    return sheet


def _save(
    *, assignment: Assignment, by, levels: dict[int, int | None], comment: str, private_note: str, base_revision: int
) -> ScoreSheet:
    with transaction.atomic():
        # Lock the sheet: two tabs (or a phone and a tablet) saving at once must not both pass the revision
        # check, nor write two audit lines for one change.
        sheet = _locked_sheet(assignment)
        names = dict(
            Criterion.objects.filter(rubric_id=sheet.assignment.entry.event.rubric_id).values_list("pk", "name")
        )
        scores = {s.criterion_id: s for s in sheet.scores.all()}
        current = {cid: s.level for cid, s in scores.items()}
        wanted = {cid: level for cid, level in levels.items() if level in LEVELS and cid in names}
        changed = {cid: level for cid, level in wanted.items() if current.get(cid) != level}
        if not changed and comment == sheet.comment and private_note == sheet.private_note:
            return sheet
        _open_or_raise(sheet)
        if sheet.revision != base_revision:
            raise SheetConflict(sheet=sheet, levels=current)
        _write_levels(sheet=sheet, by=by, scores=scores, changed=changed, names=names)
        sheet.comment, sheet.private_note = comment, private_note
        sheet.revision += 1
        sheet.updated_at = timezone.now()
        sheet.save(update_fields=["comment", "private_note", "revision", "updated_at"])
        return sheet


def _write_levels(
    *, sheet: ScoreSheet, by, scores: dict[int, Score], changed: dict[int, int], names: dict[int, str]
) -> None:
    """Create or update the changed levels of a locked sheet, one audit line each with the old and new level."""
    entry, juror = sheet.assignment.entry, sheet.assignment.juror
    for cid, level in changed.items():
        previous = scores.get(cid)
        if previous is None:
            Score.objects.create(sheet=sheet, criterion_id=cid, level=level)
            kind = AuditEntry.Kind.SCORE_CREATED
        else:
            Score.objects.filter(pk=previous.pk).update(level=level)
            kind = AuditEntry.Kind.SCORE_CHANGED
        criterion = {"criterion_id": cid, "criterion": names.get(cid, "")}
        audit_record(
            event=entry.event,
            kind=kind,
            actor=by,
            entry=entry,
            juror=juror,
            old=None if previous is None else {**criterion, "level": previous.level},
            new={**criterion, "level": level},
        )


def score_sheet_submit(*, assignment: Assignment, by) -> ScoreSheet:
    """Mark the sheet submitted when every criterion of the event's rubric has a level (writes SHEET_SUBMITTED).
    Submitting again is a no-op. Raises MissingLevels, EventClosed or SheetNotOpen."""
    with transaction.atomic():
        sheet = _locked_sheet(assignment)
        _open_or_raise(sheet)
        if sheet.submitted_at:
            return sheet
        event = sheet.assignment.entry.event
        scored = set(sheet.scores.values_list("criterion_id", flat=True))
        missing = [c for c in event.rubric.criteria.all() if c.pk not in scored]
        if missing:
            raise MissingLevels(criteria=missing, sheet=sheet)
        sheet.submitted_at = timezone.now()
        sheet.save(update_fields=["submitted_at"])
        audit_record(
            event=event,
            kind=AuditEntry.Kind.SHEET_SUBMITTED,
            actor=by,
            entry=sheet.assignment.entry,
            juror=sheet.assignment.juror,
            new={"revision": sheet.revision},
        )
        return sheet
