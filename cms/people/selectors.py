"""Reads of the registry. Sensitive fields of another person go through participant_sensitive_read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Q, QuerySet

from cms.accounts.models import Center, Participant
from cms.accounts.roles import Role, has_role, roles_of
from cms.people import hooks
from cms.people.models import CaseNote, ConsentEvent, ConsentText, ParticipantEvent, Purpose, SensitiveRead
from cms.people.records import records_of

# What a person gives herself on "Mis permisos"; a referral is given for one organisation and one service,
# where the referral is made, and only withdrawn there.
SELF_GIVEN_PURPOSES = (Purpose.TRAINING.value, Purpose.DONOR_AGGREGATE.value, Purpose.CATALOGUE_PHOTOS.value)

# Roles that may read migratory status, disability and case notes of the people they work with.
SENSITIVE_READERS = (Role.COORDINATOR, Role.ADMIN)


def record_ids(participant: Participant) -> list[int]:
    """Her record and every record merged into it (cms.people.records.records_of), computed once per
    instance: consents, notes, reads and the log of a merged record show on the survivor's pages."""
    if participant.pk is None:
        return []
    cached = getattr(participant, "_record_ids", None)
    if cached is None:
        cached = list(records_of(participant).values_list("pk", flat=True))
        setattr(participant, "_record_ids", cached)  # noqa: B010 (an attribute the model does not declare)
    return cached


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
    return SensitiveRead.objects.filter(participant__in=record_ids(participant)).select_related("reader")


def case_notes_for(*, user, participant: Participant) -> QuerySet[CaseNote]:
    """Notes this coordinator may read: her own, and the ones shared with coordination."""
    if not may_read_sensitive(user):
        return CaseNote.objects.none()
    notes = CaseNote.objects.filter(participant__in=record_ids(participant))
    return notes.filter(Q(author=user) | Q(shared=True)).select_related("author")


def consent_text_current(*, purpose: str) -> ConsentText | None:
    return ConsentText.objects.filter(purpose=purpose).first()  # newest by Meta.ordering


def consent_given(*, participant: Participant, purpose: str, scope: str = "") -> bool:
    """True when the latest line of the ledger for this purpose (and scope) gives it."""
    ledger = ConsentEvent.objects.filter(participant__in=record_ids(participant), purpose=purpose, scope=scope)
    latest = ledger.order_by("-at", "-id").first()
    return latest is not None and latest.action == ConsentEvent.Action.GIVEN


def consents_of(*, participant: Participant) -> list[ConsentEvent]:
    """The current line of each purpose and scope she has ever answered, latest first."""
    seen: set[tuple[str, str]] = set()
    current = []
    ledger = ConsentEvent.objects.filter(participant__in=record_ids(participant))
    for event in ledger.select_related("text", "by").order_by("-at", "-id"):
        key = (event.purpose, event.scope)
        if key not in seen:
            seen.add(key)
            current.append(event)
    return current


# --- The coordination desk ----------------------------------------------------------------------------


def centers_for(*, user) -> QuerySet[Center]:
    """The centers a person registers people in: her programmes' centers (administration: all)."""
    if has_role(user, Role.ADMIN):
        return Center.objects.select_related("programme")
    if has_role(user, Role.COORDINATOR):
        return Center.objects.filter(programme__coordinators=user).select_related("programme")
    return Center.objects.none()


def participants_search(*, user, query: str = "", center_id: int | None = None) -> QuerySet[Participant]:
    """The desk's list: visible records whose name, document or phone contains every word of `query`."""
    records = participants_visible_to(user=user)
    for word in query.split()[:6]:
        digits = "".join(ch for ch in word if ch.isalnum())
        match = Q(given_names__icontains=word) | Q(surnames__icontains=word)
        if digits:
            match |= Q(document_number__icontains=digits) | Q(phone__icontains=digits)
        records = records.filter(match)
    if center_id:
        records = records.filter(center_id=center_id)
    return records


@dataclass(frozen=True)
class ConsentState:
    """Where one purpose (and scope) stands for a person: given or not, the words she answered, the current
    words to show before she gives it."""

    purpose: str
    scope: str
    given: bool
    answered: ConsentEvent | None
    current_text: ConsentText | None

    @property
    def label(self) -> str:
        return str(Purpose(self.purpose).label)


def consent_states_of(*, participant: Participant) -> list[ConsentState]:
    """Every purpose at its general scope, plus each scoped line she has answered (referrals): two queries."""
    texts: dict[str, ConsentText] = {}
    for text in ConsentText.objects.all():  # newest first within a purpose (Meta.ordering)
        texts.setdefault(text.purpose, text)
    events = consents_of(participant=participant) if participant.pk else []
    answered = {(event.purpose, event.scope): event for event in events}
    keys = [(purpose.value, "") for purpose in Purpose] + sorted(key for key in answered if key[1])
    return [
        ConsentState(
            purpose=purpose,
            scope=scope,
            given=(event := answered.get((purpose, scope))) is not None and event.action == ConsentEvent.Action.GIVEN,
            answered=event,
            current_text=texts.get(purpose),
        )
        for purpose, scope in keys
    ]


@dataclass(frozen=True)
class LogLine:
    at: datetime
    action: str
    actor: str
    fields: str


def _field_label(name: str) -> str:
    try:
        field = Participant._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def registry_log_of(*, participant: Participant, limit: int = 50) -> list[LogLine]:
    """The latest lines of her registry log, with who made them and which fields changed: one query."""
    return [
        LogLine(
            at=event.at,
            action=event.get_action_display(),
            actor=event.actor.display_name if event.actor else "",
            fields=", ".join(_field_label(name) for name in event.detail.get("fields", [])),
        )
        for event in ParticipantEvent.objects.filter(participant__in=record_ids(participant))
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    ]


def path_sections_of(*, participant: Participant) -> list[hooks.PathSection]:
    """Her path on one page, from the sections the higher areas registered (courses, cohort, venture...)."""
    return hooks.path_sections_for(participant)
