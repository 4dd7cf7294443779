"""Bulk enrolment from a CSV (columns: usuario, curso). Parsing and preview only read; the import is a service."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from lms.courses.models import CoursePage, Enrolment

MAX_ROWS = 2000
COLUMNS = ("usuario", "curso")


class CsvFileError(ValueError):
    """The whole file is unusable (not text, too big, missing columns, too many rows). Message in Spanish."""


@dataclass
class PreviewRow:
    line: int
    username: str
    course_ref: str
    status: str = "nueva"  # nueva | sin_cambios | error
    message: str = ""
    user_id: int | None = None
    course_id: int | None = None
    course_title: str = ""

    @property
    def is_error(self) -> bool:
        return self.status == "error"

    @property
    def is_unchanged(self) -> bool:
        return self.status == "sin_cambios"


@dataclass
class Preview:
    rows: list[PreviewRow] = field(default_factory=list)

    @property
    def errors(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.is_error]

    @property
    def new(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.status == "nueva"]

    @property
    def unchanged(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.is_unchanged]

    @property
    def pairs(self) -> list[list[int]]:
        """What confirm will import: [user_id, course_id] of the new rows."""
        return [[r.user_id, r.course_id] for r in self.new]


def pairs_digest(pairs: list[list[int]]) -> str:
    return hashlib.sha256(repr(pairs).encode()).hexdigest()[:32]


def csv_text(data: bytes, *, max_bytes: int) -> str:
    """Check by content that the upload is a small UTF-8 text file (BOM allowed) and return its text."""
    if len(data) > max_bytes:
        raise CsvFileError(
            _("El archivo pesa más de %(kb)s KB. Divídelo en partes más pequeñas.") % {"kb": max_bytes // 1024}
        )
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise CsvFileError(_("Parece una hoja de cálculo (Excel u otra). Guárdala como «CSV UTF-8» y súbela de nuevo."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvFileError(_("El archivo no es un texto CSV en UTF-8. Guárdalo como «CSV UTF-8».")) from None
    if any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"):
        raise CsvFileError(_("El archivo no es un texto CSV."))
    if not text.strip():
        raise CsvFileError(_("El archivo está vacío."))
    return text


def _records(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise CsvFileError(
            _("Faltan columnas en la primera fila: %(missing)s. Deben ser «usuario» y «curso».")
            % {"missing": ", ".join(missing)}
        )
    records = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        if len(records) >= MAX_ROWS:
            raise CsvFileError(_("El archivo tiene más de %(max)s filas. Divídelo en partes.") % {"max": MAX_ROWS})
        records.append((reader.line_num, values))
    return header, records


def enrolment_csv_preview(*, data: bytes, max_bytes: int) -> Preview:
    """Parse and check every row; writes nothing. Constant queries: users, courses, enrolments."""
    header, records = _records(csv_text(data, max_bytes=max_bytes))
    rows = []
    for line, values in records:
        if len(values) != len(header):
            rows.append(
                PreviewRow(
                    line=line,
                    username="",
                    course_ref="",
                    status="error",
                    message=_("La fila tiene %(got)s columnas y se esperaban %(want)s.")
                    % {"got": len(values), "want": len(header)},
                )
            )
            continue
        record = dict(zip(header, (v.strip() for v in values), strict=True))
        rows.append(PreviewRow(line=line, username=record["usuario"], course_ref=record["curso"]))
    _resolve(rows)
    return Preview(rows=rows)


def _resolve(rows: list[PreviewRow]) -> None:
    users = dict(
        get_user_model()
        .objects.filter(username__in={r.username for r in rows if r.username}, is_active=True)
        .values_list("username", "pk")
    )
    refs = {r.course_ref for r in rows if r.course_ref}
    ids = {int(ref) for ref in refs if ref.isdigit()}
    courses = list(CoursePage.objects.filter(slug__in=refs) | CoursePage.objects.filter(pk__in=ids))
    by_ref = {c.slug: c for c in courses} | {str(c.pk): c for c in courses}
    existing = set(
        Enrolment.objects.filter(user_id__in=users.values(), course__in=courses)
        .exclude(status=Enrolment.Status.CANCELLED)
        .values_list("user_id", "course_id")
    )
    seen: dict[tuple[int, int], int] = {}
    for row in rows:
        if row.status == "error":
            continue
        course = by_ref.get(row.course_ref)
        row.user_id = users.get(row.username)
        row.course_id, row.course_title = (course.pk, course.title) if course else (None, "")
        row.status, row.message = "error", _row_error(row)
        if row.message:
            continue
        key = (row.user_id, row.course_id)
        if key in seen:
            row.message = _("Fila repetida: es igual a la fila %(line)s.") % {"line": seen[key]}
            continue
        seen[key] = row.line
        if key in existing:
            row.status, row.message = "sin_cambios", _("Ya está inscrita o en lista de espera: sin cambios.")
        else:
            row.status = "nueva"


def _row_error(row: PreviewRow) -> str:
    if not row.username:
        return _("Falta el usuario.")
    if not row.course_ref:
        return _("Falta el curso.")
    if row.user_id is None:
        return _("No existe una cuenta activa con el usuario «%(username)s».") % {"username": row.username}
    if row.course_id is None:
        return _("No existe el curso «%(course)s». Usa el slug o el número del curso.") % {"course": row.course_ref}
    return ""
