"""Reads of the registry. Sensitive fields of another person go through participant_sensitive_read."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from cms.accounts.models import Participant
from cms.accounts.roles import Role, has_role, roles_of
from cms.people import hooks
from cms.people.models import CaseNote, ConsentEvent, ConsentText, SensitiveRead

# Roles that may read migratory status, disability and case notes of the people they work with.
SENSITIVE_READERS = (Role.COORDINATOR, Role.ADMIN)


def participant_scope(*, user) -> Q:
    """The filter of participants a coordinator works with: her programmes' centers, people without a
    center in those centers' cities, and what the higher areas register (e.g. her cohorts)."""
    programmes = user.coordinated_programmes.all()
    cities = programmes.values_list("centers__city", flat=True)
    return (
        Q(center__programme__in=programmes)
        | Q(center__isnull=True, city__in=[city for city in cities if city])
        | hooks.extra_scope_for(user)
    )


def participants_visible_to(*, user) -> QuerySet[Participant]:
    """Records a person may open in the registry (merged-away records excluded): everything for
    administration, the scope for coordination, nothing for anyone else."""
    records = Participant.objects.filter(merged_into__isnull=True).select_related("user", "center")
    if has_role(user, Role.ADMIN):
        return records
    if has_role(user, Role.COORDINATOR):
        return records.filter(participant_scope(user=user)).distinct()
    return records.none()


def participant_for(*, user, pk: int) -> Participant:
    """One record the user may open; Participant.DoesNotExist (a 404) otherwise, never a 403 that tells."""
    return participants_visible_to(user=user).get(pk=pk)


def may_read_sensitive(user) -> bool:
    return has_role(user, *SENSITIVE_READERS)


def participant_sensitive_read(*, reader, participant: Participant, field: str, reason: str) -> str:
    """The display value of a sensitive field, logged as read by `reader` (unless it is her own record).
    Raises PermissionDenied for roles that do not need it."""
    if field not in Participant.SENSITIVE_FIELDS:
        raise ValueError(field)
    own = participant.user_id is not None and participant.user_id == reader.pk
    if not own:
        if not may_read_sensitive(reader):
            raise PermissionDenied
        SensitiveRead.objects.create(
            participant=participant,
            field=field,
            reader=reader,
            reader_role=",".join(sorted(roles_of(reader))),
            reason=reason[:120],
        )
    return getattr(participant, f"get_{field}_display")()


def sensitive_reads_of(*, participant: Participant) -> QuerySet[SensitiveRead]:
    """Who read her sensitive data, newest first (for "Quién vio mis datos")."""
    return participant.sensitive_reads.select_related("reader")


def case_notes_for(*, user, participant: Participant) -> QuerySet[CaseNote]:
    """Notes this coordinator may read: her own, and the ones shared with coordination."""
    if not may_read_sensitive(user):
        return CaseNote.objects.none()
    return participant.case_notes.filter(Q(author=user) | Q(shared=True)).select_related("author")


def consent_text_current(*, purpose: str) -> ConsentText | None:
    return ConsentText.objects.filter(purpose=purpose).first()  # newest by Meta.ordering


def consent_given(*, participant: Participant, purpose: str, scope: str = "") -> bool:
    """True when the latest line of the ledger for this purpose (and scope) gives it."""
    ledger = ConsentEvent.objects.filter(participant=participant, purpose=purpose, scope=scope)
    latest = ledger.order_by("-at", "-id").first()
    return latest is not None and latest.action == ConsentEvent.Action.GIVEN


def consents_of(*, participant: Participant) -> list[ConsentEvent]:
    """The current line of each purpose and scope she has ever answered, latest first."""
    seen: set[tuple[str, str]] = set()
    current = []
    for event in participant.consent_events.select_related("text", "by").order_by("-at", "-id"):
        key = (event.purpose, event.scope)
        if key not in seen:
            seen.add(key)
            current.append(event)
    return current
