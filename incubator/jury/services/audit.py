"""The append-only audit log of pitch day."""

from incubator.jury.models import AuditEntry, Entry, PitchEvent


def audit_record(
    *,
    event: PitchEvent,
    kind: str,
    actor=None,
    entry: Entry | None = None,
    juror=None,
    old=None,
    new=None,
    reason: str = "",
) -> AuditEntry:
    """Append one line to the event's log. Values must be JSON-serialisable (use str() for Decimal)."""
    return AuditEntry.objects.create(
        event=event, kind=kind, actor=actor, entry=entry, juror=juror, old_value=old, new_value=new, reason=reason[:300]
    )
