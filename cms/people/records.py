"""A participant's record as the matching engine reads it, and the records merged into a survivor."""

from __future__ import annotations

from django.db.models import QuerySet

from cms.accounts.models import PREFER_NOT, Participant
from cms.people.matching import PersonRecord
from cms.people.matching.documents import DocumentType

MATCH_DOCUMENT_TYPES = frozenset(t.value for t in DocumentType)
# The columns the matching needs: loading only these keeps a 5,000-person scan light.
MATCH_COLUMNS = (
    "id",
    "given_names",
    "surnames",
    "birth_date",
    "document_type",
    "document_number",
    "phone",
    "nationality",
    "city",
    "center__city",
)


def person_record(participant: Participant) -> PersonRecord:
    """The matching's view of a record: no sensitive field, "prefer not to say" read as empty."""
    document_type = participant.document_type if participant.document_type in MATCH_DOCUMENT_TYPES else ""
    city = participant.city or (participant.center.city if participant.center_id else "")
    return PersonRecord(
        id=str(participant.pk),
        given_names=participant.given_names,
        surnames=participant.surnames,
        birth_date=participant.birth_date,
        document_type=document_type,
        document=participant.document_number,
        phone=participant.phone,
        nationality="" if participant.nationality == PREFER_NOT else participant.nationality,
        city=city,
    )


def records_of(participant: Participant) -> QuerySet[Participant]:
    """The survivor and every record merged into it (at any depth), for pages that show one person's
    consents, notes, reads and log: filter those by `participant__in=records_of(p)`. 1 query per merge depth."""
    ids = {participant.pk}
    frontier = [participant.pk]
    while frontier:
        frontier = list(Participant.objects.filter(merged_into__in=frontier).values_list("pk", flat=True))
        frontier = [pk for pk in frontier if pk not in ids]
        ids.update(frontier)
    return Participant.objects.filter(pk__in=ids)
