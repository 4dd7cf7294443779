"""Reads of the CSV import: the centers a coordinator imports into, her pending batch, and the preview
(duplicate candidates of each row, in the registry she sees and within the file)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from cms.accounts.models import Center, Participant
from cms.accounts.roles import Role, has_role
from cms.people.matching import PersonRecord, candidate_pairs
from cms.people.models import ImportBatch
from cms.people.records import person_record
from cms.people.selectors import participants_visible_to
from cms.people.services_import import IMPORT_TTL


def import_centers_for(*, user) -> QuerySet[Center]:
    """Centers of her programmes (administration: all)."""
    centers = Center.objects.select_related("programme")
    if has_role(user, Role.ADMIN):
        return centers
    return centers.filter(programme__coordinators=user)


def import_batch_for(*, user, pk: int) -> ImportBatch:
    """Her own unexpired batch; ImportBatch.DoesNotExist (a 404) otherwise."""
    return ImportBatch.objects.select_related("center").get(
        pk=pk, owner=user, created_at__gte=timezone.now() - IMPORT_TTL
    )


@dataclass(frozen=True)
class Candidate:
    participant: Participant
    score: int
    summary: str


@dataclass
class PreviewRow:
    index: int
    row: dict
    candidates: list[Candidate] = field(default_factory=list)  # existing records, best first
    in_file: list[str] = field(default_factory=list)  # refs of other rows of the file that may be her

    @property
    def full_name(self) -> str:
        return f"{self.row['given_names']} {self.row['surnames']}"


def _file_record(index: int, row: dict) -> PersonRecord:
    return PersonRecord(
        id=f"f{index}",
        given_names=row["given_names"],
        surnames=row["surnames"],
        birth_date=date.fromisoformat(row["birth_date"]) if row["birth_date"] else None,
        document_type=row["document_type"],
        document=row["document_number"],
        phone=row["phone"],
        nationality=row["nationality"] if row["nationality"] != "no_dice" else "",
        city=row["city"],
    )


def import_preview(*, user, batch: ImportBatch) -> list[PreviewRow]:
    """Each row with its likely duplicates, through one blocked pass over the registry and the file
    together (not rows × registry). A constant number of queries."""
    people = {f"p{p.pk}": p for p in participants_visible_to(user=user).order_by("pk")}
    records = [
        *(replace(person_record(p), id=key) for key, p in people.items()),
        *(_file_record(i, row) for i, row in enumerate(batch.rows)),
    ]
    preview = [PreviewRow(index=i, row=row) for i, row in enumerate(batch.rows)]
    for match in candidate_pairs(records):
        ids = (match.a_id, match.b_id)
        files = [int(i[1:]) for i in ids if i.startswith("f")]
        if len(files) == 2:
            preview[files[0]].in_file.append(batch.rows[files[1]]["ref"])
            preview[files[1]].in_file.append(batch.rows[files[0]]["ref"])
        elif len(files) == 1:
            existing = people[next(i for i in ids if i.startswith("p"))]
            preview[files[0]].candidates.append(Candidate(existing, match.score, match.summary))
    return preview
