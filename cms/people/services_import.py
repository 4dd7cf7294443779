"""CSV import of walk-ins: read and check a file (nothing written), keep it as a batch, then confirm the
coordinator's choice per row in one transaction.

The file has the header of `manage.py participants_match` (id,nombres,apellidos,fecha_nacimiento,
tipo_documento,documento,telefono,nacionalidad,ciudad), UTF-8, at most MAX_BYTES and MAX_ROWS rows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.accounts.models import PREFER_NOT, Center, Participant, User
from cms.people.management.commands.participants_match import COLUMNS, read_people
from cms.people.matching import PersonRecord
from cms.people.models import ImportBatch, ParticipantEvent
from cms.people.services import participant_event_log, participant_register

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
IMPORT_TTL = timedelta(days=1)
NEW, SKIP, SAME = "nuevo", "omitir", "misma"

_NATIONALITIES = {
    "ecuatoriana": "ecuatoriana", "ecuatoriano": "ecuatoriana", "ecuador": "ecuatoriana", "ec": "ecuatoriana",
    "venezolana": "venezolana", "venezolano": "venezolana", "venezuela": "venezolana", "ve": "venezolana",
    "colombiana": "colombiana", "colombiano": "colombiana", "colombia": "colombiana", "co": "colombiana",
}  # fmt: skip


class ImportRefused(Exception):
    """The file cannot be read or is too big; the message is plain Spanish for the page."""


@dataclass(frozen=True)
class ReadFile:
    rows: tuple[dict, ...]  # what would be imported, as stored in the batch
    errors: tuple[str, ...]  # one Spanish message per row left out, with its line


def _row(record: PersonRecord) -> dict:
    nationality = record.nationality.strip().lower()
    return {
        "ref": record.id,
        "given_names": record.given_names,
        "surnames": record.surnames,
        "birth_date": record.birth_date.isoformat() if record.birth_date else "",
        "document_type": record.document_type,
        "document_number": record.document,
        "phone": record.phone,
        "nationality": _NATIONALITIES.get(nationality, "otra" if nationality else PREFER_NOT),
        "city": record.city,
    }


def participant_fields(row: dict, center: Center | None) -> dict:
    """A stored row as Participant fields (the batch is re-read on confirm, never trusted as sent)."""
    fields = {k: v for k, v in row.items() if k != "ref"}
    fields["birth_date"] = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    fields["city"] = row["city"] or (center.city if center else "")
    if center is not None:
        fields["province"] = center.province
    return fields


def _row_problem(row: dict) -> str:
    """Why Participant would refuse this row ('' when it is fine): lengths and formats."""
    candidate = Participant(**participant_fields(row, None))
    try:
        candidate.full_clean(exclude=["user", "center", "merged_into", "created_by"])
    except ValidationError as error:
        return "; ".join(
            f"{Participant._meta.get_field(f).verbose_name}: {' '.join(m)}" for f, m in error.message_dict.items()
        )
    return ""


def csv_read(*, data: bytes) -> ReadFile:
    """Check a whole upload before anything is written. ImportRefused for a file that cannot be used."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(_("El archivo pesa más de 2 MB. Divídelo en partes más pequeñas."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(_("El archivo no está en UTF-8. Guárdalo como «CSV UTF-8» y vuelve a subirlo.")) from None
    lines = io.StringIO(text, newline="")
    header = next(csv.reader(io.StringIO(text.split("\n", 1)[0])), [])
    missing = [column for column in COLUMNS if column not in [h.strip() for h in header]]
    if missing:
        raise ImportRefused(
            _("Al encabezado del CSV le faltan columnas: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    if text.count("\n") > MAX_ROWS + 1:
        raise ImportRefused(_("El archivo tiene más de %(max)s filas. Divídelo en partes.") % {"max": MAX_ROWS})
    try:
        result = read_people(lines)
    except csv.Error as error:
        raise ImportRefused(_("El CSV no se puede leer: %(error)s") % {"error": error}) from None
    if len(result.records) + len(result.errors) > MAX_ROWS:
        raise ImportRefused(_("El archivo tiene más de %(max)s filas. Divídelo en partes.") % {"max": MAX_ROWS})
    rows, errors = [], list(result.errors)
    for record in result.records:
        row = _row(record)
        problem = _row_problem(row)
        if problem:
            errors.append(_("Fila «%(ref)s»: %(problem)s.") % {"ref": record.id, "problem": problem})
        else:
            rows.append(row)
    if not rows and not errors:
        raise ImportRefused(_("El archivo no tiene filas."))
    return ReadFile(rows=tuple(rows), errors=tuple(errors))


def import_batch_create(*, owner: User, center: Center, filename: str, rows: tuple[dict, ...]) -> ImportBatch:
    """Keep the checked rows server-side until the coordinator confirms; old batches of hers are dropped."""
    ImportBatch.objects.filter(owner=owner, created_at__lt=timezone.now() - IMPORT_TTL).delete()
    return ImportBatch.objects.create(owner=owner, center=center, filename=filename[:200], rows=list(rows))


@dataclass(frozen=True)
class ImportResult:
    created: int
    linked: int
    skipped: int


def _fill_existing(*, by: User, participant: Participant, fields: dict) -> None:
    """ "Es la misma": no new record; empty fields of the existing one are filled from the row, logged."""
    filled = [
        f
        for f, v in fields.items()
        if v not in (None, "", PREFER_NOT) and getattr(participant, f) in (None, "", PREFER_NOT)
    ]
    for field in filled:
        setattr(participant, field, fields[field])
    if filled:
        participant.full_clean()
        participant.save()
    participant_event_log(
        participant=participant, action=ParticipantEvent.Action.UPDATED, actor=by, fields=sorted(filled), source="csv"
    )


@transaction.atomic
def import_batch_confirm(
    *, by: User, batch: ImportBatch, choices: dict[int, tuple[str, Participant | None]]
) -> ImportResult:
    """Apply the coordinator's choice for each row: NEW registers it, SAME fills the existing record she
    chose, anything else (or no choice) skips it. The batch is deleted. Rows were checked on upload and are
    checked again by participant_register's full_clean."""
    # Two confirmations of one batch (a double click) would import it twice: lock it, then delete it.
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    created = linked = 0
    for index, row in enumerate(batch.rows):
        choice, existing = choices.get(index, (SKIP, None))
        fields = participant_fields(row, batch.center)
        if choice == NEW:
            participant_register(by=by, center=batch.center, **fields)
            created += 1
        elif choice == SAME and existing is not None:
            _fill_existing(by=by, participant=existing, fields={k: v for k, v in fields.items() if k != "province"})
            linked += 1
    batch.delete()
    return ImportResult(created=created, linked=linked, skipped=len(batch.rows) - created - linked)
