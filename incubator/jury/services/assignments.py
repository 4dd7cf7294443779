"""Assigning jurors to entries: at least MIN_JURORS_PER_VENTURE each, loads balanced, recusals respected."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from incubator.jury.models import MIN_JURORS_PER_VENTURE, Assignment, AuditEntry, Entry, PitchEvent
from incubator.jury.services.audit import audit_record

COUNTING = (Assignment.Status.PENDING, Assignment.Status.ACTIVE)


class EventClosed(Exception):
    """The event is closed: nothing changes until the coordination reopens it."""

    def __init__(self):
        super().__init__(_("El evento está cerrado. Para cambiar algo, la coordinación debe reabrirlo."))


class AssignmentError(Exception):
    """A declaration that cannot be made (already recused, or the reason is missing)."""


@dataclass
class AssignmentOutcome:
    """What a run did: the new assignments, and how many more jurors the pool needs (0 when every entry has enough)."""

    created: list[Assignment] = field(default_factory=list)
    jurors_needed: int = 0
    short_entries: list[Entry] = field(default_factory=list)

    @property
    def message(self) -> str:
        if not self.jurors_needed:
            return ""
        return ngettext(
            "Falta %(count)s persona más en el jurado para que cada emprendimiento tenga %(min)s jurados. "
            "Agrégala al evento y pulsa «Asignar jurado» otra vez.",
            "Faltan %(count)s personas más en el jurado para que cada emprendimiento tenga %(min)s jurados. "
            "Agrégalas al evento y pulsa «Asignar jurado» otra vez.",
            self.jurors_needed,
        ) % {"count": self.jurors_needed, "min": MIN_JURORS_PER_VENTURE}


def _assign(*, event: PitchEvent, entry: Entry, juror, by, reason: str) -> Assignment:
    assignment = Assignment.objects.create(entry=entry, juror=juror)
    audit_record(
        event=event,
        kind=AuditEntry.Kind.ASSIGNED,
        actor=by,
        entry=entry,
        juror=juror,
        new={"assignment": assignment.pk},
        reason=reason,
    )
    return assignment


def assignments_fill(*, event: PitchEvent, by=None, entry: Entry | None = None, reason: str = "") -> AssignmentOutcome:
    """Give every non-calibration entry (or only `entry`) at least MIN_JURORS_PER_VENTURE pending-or-active
    jurors from event.jurors, always the least-loaded eligible juror (ties by id), never one who recused from
    or already has that entry. Calibration entries go to every juror. Idempotent: only fills gaps.
    Side effects: creates Assignments and one ASSIGNED audit line each. Raises EventClosed on a closed event."""
    with transaction.atomic():
        # Lock the event: two runs at once (two coordinators, or a recusal during a run) would both count the
        # same gap and overshoot it, or pick the same juror and hit the unique constraint.
        event = PitchEvent.objects.select_for_update().get(pk=event.pk)
        if event.is_closed:
            raise EventClosed
        jurors = list(event.jurors.order_by("id"))
        entries = list(event.entries.order_by("id"))
        rows = list(Assignment.objects.filter(entry__event=event).values_list("entry_id", "juror_id", "status"))
        calibration = {e.pk for e in entries if e.is_calibration}
        load = {j.pk: 0 for j in jurors}
        taken: dict[int, set[int]] = {e.pk: set() for e in entries}
        counting: dict[int, int] = {e.pk: 0 for e in entries}
        for entry_id, juror_id, status in rows:
            taken[entry_id].add(juror_id)
            if status in COUNTING:
                counting[entry_id] += 1
                if entry_id not in calibration and juror_id in load:
                    load[juror_id] += 1
        outcome = AssignmentOutcome()
        targets = [e for e in entries if entry is None or e.pk == entry.pk]
        for target in targets:
            if target.is_calibration:
                for juror in jurors:
                    if juror.pk not in taken[target.pk]:
                        outcome.created.append(_assign(event=event, entry=target, juror=juror, by=by, reason=reason))
                continue
            while counting[target.pk] < MIN_JURORS_PER_VENTURE:
                candidates = [j for j in jurors if j.pk not in taken[target.pk]]
                if not candidates:
                    outcome.jurors_needed = max(outcome.jurors_needed, MIN_JURORS_PER_VENTURE - counting[target.pk])
                    outcome.short_entries.append(target)
                    break
                juror = min(candidates, key=lambda j: (load[j.pk], j.pk))
                outcome.created.append(_assign(event=event, entry=target, juror=juror, by=by, reason=reason))
                taken[target.pk].add(juror.pk)
                counting[target.pk] += 1
                load[juror.pk] += 1
        return outcome


def assignment_declare(*, assignment: Assignment, conflict: bool, reason: str = "", by) -> AssignmentOutcome | None:
    """The juror declares on an assignment that is not recused: no conflict (-> ACTIVE, audit NO_CONFLICT) or a
    conflict with a required reason (-> RECUSED, audit RECUSED, then the entry is refilled from the pool, which
    returns the outcome). Raises EventClosed, or AssignmentError when recused already or the reason is empty."""
    reason = (reason or "").strip()
    if conflict and not reason:
        raise AssignmentError(_("Escribe el motivo del conflicto."))
    with transaction.atomic():
        # Lock the assignment: a double click must not write two audit lines or recuse twice.
        assignment = Assignment.objects.select_for_update().select_related("entry__event").get(pk=assignment.pk)
        event = assignment.entry.event
        if event.is_closed:
            raise EventClosed
        if assignment.status == Assignment.Status.RECUSED:
            raise AssignmentError(_("Ya te excusaste de este emprendimiento."))
        if not conflict:
            if assignment.status == Assignment.Status.ACTIVE:
                return None
            assignment.status = Assignment.Status.ACTIVE
            assignment.declared_at = timezone.now()
            assignment.save(update_fields=["status", "declared_at"])
            audit_record(
                event=event,
                kind=AuditEntry.Kind.NO_CONFLICT,
                actor=by,
                entry=assignment.entry,
                juror=assignment.juror,
                old={"status": Assignment.Status.PENDING.value},
                new={"status": assignment.status},
            )
            return None
        old_status = assignment.status
        assignment.status = Assignment.Status.RECUSED
        assignment.recusal_reason = reason[:300]
        assignment.declared_at = timezone.now()
        assignment.save(update_fields=["status", "recusal_reason", "declared_at"])
        audit_record(
            event=event,
            kind=AuditEntry.Kind.RECUSED,
            actor=by,
            entry=assignment.entry,
            juror=assignment.juror,
            old={"status": old_status},
            new={"status": assignment.status},
            reason=reason,
        )
        return assignments_fill(
            event=event, by=by, entry=assignment.entry, reason=_("Reemplazo por una excusa de conflicto de interés.")
        )
