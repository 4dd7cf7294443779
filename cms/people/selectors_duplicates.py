"""Reads of duplicate review: candidate pairs among the records a coordinator sees, sign-up hints, merges.

The scan runs in the request: about 2-4 s of CPU for 5,000 records (docs/duplicates.md). When registries
grow past that, `duplicate_pairs_for` is the seam for a background job that stores its Matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from cms.accounts.models import Participant
from cms.people.matching import Field, Match, Reason, candidate_pairs
from cms.people.models import DuplicateHint, NotSamePerson
from cms.people.records import person_record, records_of
from cms.people.selectors import participants_visible_to

__all__ = ["records_of", "duplicate_pairs_for", "duplicate_hints_for", "merged_records_for", "pair_for"]

PAIRS_SHOWN = 100

# The fields compared side by side; none is sensitive (mobility and disability never appear here).
_ROWS = (
    (Field.DOCUMENT, _("Documento")),
    (Field.GIVEN_NAMES, _("Nombres")),
    (Field.SURNAMES, _("Apellidos")),
    (Field.BIRTH_DATE, _("Fecha de nacimiento")),
    (Field.PHONE, _("Teléfono")),
    (Field.NATIONALITY, _("Nacionalidad")),
    (Field.CITY, _("Ciudad")),
)


@dataclass(frozen=True)
class FieldRow:
    """One line of the side-by-side comparison: the two values and what the matching said of them."""

    label: str
    a: str
    b: str
    reason: Reason | None


@dataclass(frozen=True)
class CandidatePair:
    a: Participant
    b: Participant
    score: int
    rows: tuple[FieldRow, ...]

    @property
    def both_have_accounts(self) -> bool:
        return bool(self.a.user_id and self.b.user_id)


def _shown(participant: Participant, field: str) -> str:
    if field == Field.DOCUMENT:
        if not participant.document_number:
            return ""
        return f"{participant.get_document_type_display()} {participant.document_number}".strip()
    if field == Field.BIRTH_DATE:
        return participant.birth_date.strftime("%d/%m/%Y") if participant.birth_date else ""
    if field == Field.NATIONALITY:
        return participant.get_nationality_display()
    if field == Field.CITY:
        return participant.city or (participant.center.city if participant.center_id else "")
    return getattr(participant, field)


def _rows(a: Participant, b: Participant, match: Match) -> tuple[FieldRow, ...]:
    reasons = {reason.field: reason for reason in match.reasons}
    return tuple(
        FieldRow(label=str(label), a=_shown(a, field), b=_shown(b, field), reason=reasons.get(field))
        for field, label in _ROWS
    )


def _not_same_pairs(ids: QuerySet) -> set[tuple[int, int]]:
    return set(NotSamePerson.objects.filter(Q(first__in=ids) | Q(second__in=ids)).values_list("first", "second"))


def duplicate_pairs_for(*, user, limit: int = PAIRS_SHOWN) -> list[CandidatePair]:
    """Pairs among the records `user` sees that may be one person, best first, without the pairs marked as
    different people. A constant number of queries; the CPU is the matching's (see the module's note)."""
    visible = participants_visible_to(user=user)
    people = {p.pk: p for p in visible.order_by("pk")}
    matches = candidate_pairs([person_record(p) for p in people.values()])
    refused = _not_same_pairs(visible.values("pk"))
    pairs = []
    for match in matches:
        a, b = people[int(match.a_id)], people[int(match.b_id)]
        if (min(a.pk, b.pk), max(a.pk, b.pk)) in refused:
            continue
        pairs.append(CandidatePair(a=a, b=b, score=match.score, rows=_rows(a, b, match)))
        if len(pairs) >= limit:
            break
    return pairs


def pair_for(*, user, a_id: int, b_id: int) -> tuple[Participant, Participant]:
    """Two records the user may act on together; Participant.DoesNotExist (a 404) otherwise."""
    if a_id == b_id:
        raise Participant.DoesNotExist
    visible = participants_visible_to(user=user)
    return visible.get(pk=a_id), visible.get(pk=b_id)


def duplicate_hints_for(*, user) -> list[DuplicateHint]:
    """Open sign-up hints whose existing record the user sees, newest first: one query (+ scope)."""
    visible = participants_visible_to(user=user).values("pk")
    return list(
        DuplicateHint.objects.filter(resolved_at__isnull=True, candidate__in=visible)
        .select_related("user", "candidate", "candidate__center")
        .order_by("-created_at", "-id")[:PAIRS_SHOWN]
    )


def hint_for(*, user, pk: int) -> DuplicateHint:
    visible = participants_visible_to(user=user).values("pk")
    return DuplicateHint.objects.select_related("user", "candidate").get(
        pk=pk, resolved_at__isnull=True, candidate__in=visible
    )


def merged_records_for(*, user, limit: int = 30) -> list[Participant]:
    """Records merged into one the user sees (to undo), latest first: one query (+ scope)."""
    visible = participants_visible_to(user=user).values("pk")
    return list(
        Participant.objects.filter(merged_into__in=visible)
        .select_related("merged_into")
        .order_by("-updated_at", "-id")[:limit]
    )


def merged_record_for(*, user, pk: int) -> Participant:
    visible = participants_visible_to(user=user).values("pk")
    return Participant.objects.select_related("merged_into").get(pk=pk, merged_into__in=visible)
