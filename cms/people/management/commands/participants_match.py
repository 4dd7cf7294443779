"""`manage.py participants_match FILE.csv`: the pairs of a CSV of people that may be the same person."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.people.matching import PersonRecord, candidate_pairs
from cms.people.matching.documents import DocumentType

COLUMNS = (
    "id",
    "nombres",
    "apellidos",
    "fecha_nacimiento",
    "tipo_documento",
    "documento",
    "telefono",
    "nacionalidad",
    "ciudad",
)
REQUIRED = ("id", "nombres", "apellidos")
DOCUMENT_TYPES = frozenset(t.value for t in DocumentType)


class RowError(ValueError):
    """A row that cannot be read; the message is Spanish and says why."""


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The records read from a CSV and the Spanish messages of the rows left out."""

    records: tuple[PersonRecord, ...]
    errors: tuple[str, ...]


def _birth_date(text: str) -> date | None:
    """An ISO date, or None when empty; RowError otherwise."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowError(_("la fecha de nacimiento «%(value)s» no es una fecha AAAA-MM-DD") % {"value": text}) from None


def _record(row: dict[str, str]) -> PersonRecord:
    """One CSV row as a PersonRecord; RowError when a required column is empty or a value is wrong."""
    values = {column: (row.get(column) or "").strip() for column in COLUMNS}
    for column in REQUIRED:
        if not values[column]:
            raise RowError(_("falta «%(column)s»") % {"column": column})
    if values["tipo_documento"].lower() not in DOCUMENT_TYPES:
        raise RowError(
            _("tipo_documento «%(value)s» no es cedula, cedula_venezolana ni pasaporte")
            % {"value": values["tipo_documento"]}
        )
    return PersonRecord(
        id=values["id"],
        given_names=values["nombres"],
        surnames=values["apellidos"],
        birth_date=_birth_date(values["fecha_nacimiento"]),
        document_type=values["tipo_documento"].lower(),
        document=values["documento"],
        phone=values["telefono"],
        nationality=values["nacionalidad"],
        city=values["ciudad"],
    )


def _check_header(fieldnames: list[str] | None) -> None:
    """CommandError unless the header has every column the command reads."""
    missing = [c for c in COLUMNS if c not in (fieldnames or [])]
    if missing:
        raise CommandError(_("Al encabezado del CSV le faltan columnas: %(columns)s") % {"columns": ", ".join(missing)})


def read_people(lines: Iterable[str]) -> ReadResult:
    """Read people from CSV lines (header first); bad rows become messages with their line number."""
    reader = csv.DictReader(lines)
    _check_header(reader.fieldnames)
    records: list[PersonRecord] = []
    errors: list[str] = []
    seen: set[str] = set()
    for row in reader:
        try:
            record = _record(row)
            if record.id in seen:
                raise RowError(_("el id «%(id)s» ya apareció antes") % {"id": record.id})
        except RowError as error:
            errors.append(_("Línea %(line)s: %(error)s.") % {"line": reader.line_num, "error": error})
            continue
        seen.add(record.id)
        records.append(record)
    return ReadResult(tuple(records), tuple(errors))


class Command(BaseCommand):
    help = gettext_lazy("Busca posibles duplicados en un CSV de participantes, el más probable primero.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=gettext_lazy("CSV en UTF-8 con id,nombres,apellidos,fecha_nacimiento,..."))

    def handle(self, *args: Any, **options: Any) -> None:
        result = self._read(Path(options["file"]))
        for message in result.errors:
            self.stderr.write(message)
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(("id_a", "id_b", "puntaje", "motivo"))
        for pair in candidate_pairs(result.records):
            writer.writerow((pair.a_id, pair.b_id, pair.score, pair.summary))

    def _read(self, path: Path) -> ReadResult:
        """Open the file (UTF-8, with or without BOM) and read it; CommandError in Spanish when it cannot."""
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return read_people(handle)
        except FileNotFoundError:
            raise CommandError(_("No existe el archivo %(path)s.") % {"path": path}) from None
        except UnicodeDecodeError:
            raise CommandError(_("El archivo %(path)s no está en UTF-8.") % {"path": path}) from None
        except csv.Error as error:
            raise CommandError(_("El CSV no se puede leer: %(error)s") % {"error": error}) from None
