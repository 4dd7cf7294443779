"""Which ventures pitch: adding them freezes the plan version the jury reads; an optional calibration sample."""

from typing import cast

from django.db import transaction
from django.utils.translation import gettext as _

from incubator.jury.models import Assignment, AuditEntry, Entry, PitchEvent, Score
from incubator.jury.selectors.setup import eligibility_of
from incubator.jury.services.assignments import EventClosed, assignments_fill
from incubator.jury.services.audit import audit_record
from incubator.plans.models import PlanVersion
from incubator.ventures.models import Venture


class EntryError(Exception):
    """The venture cannot be added or the entry cannot be removed; the message says why, in Spanish."""


def entry_add(*, event: PitchEvent, venture: Venture, by) -> Entry:
    """Add an eligible venture of the event's cohort, freezing its latest submitted plan version: later
    submissions do not change what the jury reads. Raises EventClosed or EntryError (not eligible, other cohort,
    already in)."""
    with transaction.atomic():
        # Lock the event: a close running at the same time must not miss the new entry.
        event = PitchEvent.objects.select_for_update().get(pk=event.pk)
        if event.is_closed:
            raise EventClosed
        if venture.cohort_id != event.cohort_id:
            raise EntryError(_("Este emprendimiento no es de la cohorte del evento."))
        if event.entries.filter(venture=venture).exists():
            raise EntryError(_("Este emprendimiento ya está en el evento."))
        eligibility = eligibility_of(ventures=Venture.objects.filter(pk=venture.pk))[0]
        if not eligibility.eligible:
            raise EntryError(" ".join(eligibility.reasons))
        version = PlanVersion.objects.get(pk=cast(int, eligibility.version_id))  # eligible: it has one
        return Entry.objects.create(event=event, venture=venture, plan_version=version)


def entry_remove(*, event: PitchEvent, entry: Entry, by) -> None:
    """Take an entry out before close, if nobody scored it yet. Each of its assignments gets an UNASSIGNED audit
    line first (the entry's name is kept in it). Raises EventClosed or EntryError."""
    with transaction.atomic():
        event = PitchEvent.objects.select_for_update().get(pk=event.pk)
        if event.is_closed:
            raise EventClosed
        if Score.objects.filter(sheet__assignment__entry=entry).exists():
            raise EntryError(_("Ya hay calificaciones para «%(name)s»: no se puede quitar.") % {"name": entry})
        for assignment in Assignment.objects.filter(entry=entry).select_related("juror"):
            audit_record(
                event=event,
                kind=AuditEntry.Kind.UNASSIGNED,
                actor=by,
                entry=entry,
                juror=assignment.juror,
                old={"entry": str(entry), "status": assignment.status},
                reason=_("Se quitó el emprendimiento del evento."),
            )
        entry.delete()


def calibration_entry_add(*, event: PitchEvent, title: str, text: str, by) -> Entry:
    """Add the event's sample pitch (one per event) and assign it to every juror of the pool.
    Raises EventClosed or EntryError when the event already has one."""
    with transaction.atomic():
        event = PitchEvent.objects.select_for_update().get(pk=event.pk)
        if event.is_closed:
            raise EventClosed
        if event.entries.filter(is_calibration=True).exists():
            raise EntryError(_("Este evento ya tiene un pitch de calibración."))
        entry = Entry.objects.create(
            event=event, is_calibration=True, calibration_title=title.strip(), calibration_text=text.strip()
        )
        assignments_fill(event=event, by=by, entry=entry)
        return entry
