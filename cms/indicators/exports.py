"""CSV and XLSX exports of a Report: long format, stamped (versions, period, time, SHA-256 of the data).

The data part is `indicador,desagregacion,categoria,n,valor,suprimido`, one row per category and a `total`
category per disaggregation. The stamp follows it as lines starting with "# " (read_csv(comment="#") skips
them); the hash covers the bytes before the stamp. The XLSX carries the same rows and the stamp on a second
sheet, with the hash of the same CSV data. Today the export is built in the request; `build_export` is the
seam for the background job (cms/jobs) when one lands: it takes plain arguments and returns bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass

from django.utils import timezone

from cms.indicators.selectors import TOTAL, Report

HEADER = ("indicador", "desagregacion", "categoria", "n", "valor", "suprimido")


@dataclass(frozen=True)
class Export:
    content: bytes
    sha256: str
    suppressed: int
    stamp: tuple[tuple[str, str], ...]


def long_rows(report: Report) -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for row in report.rows:
        code = row.indicator.code
        cells = [row.total] if row.disaggregation == TOTAL else [*row.cells, row.total]
        for cell in cells:
            category = TOTAL if cell is row.total else cell.label
            n = "" if cell.n is None else str(cell.n)
            value = (
                "" if cell.value is None else f"{cell.value:g}" if isinstance(cell.value, float) else str(cell.value)
            )
            rows.append((code, row.disaggregation, category, n, value, "1" if cell.suppressed else "0"))
    return rows


def _csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def stamp_of(report: Report, sha256: str) -> tuple[tuple[str, str], ...]:
    versions = ";".join(f"{code}=v{version}" for code, version in _versions(report))
    return (
        ("versiones", versions),
        ("periodo", str(report.period)),
        ("programa", report.programme.slug if report.programme else "todos"),
        ("k", str(report.k)),
        ("generado", timezone.now().isoformat(timespec="seconds")),
        ("sha256", sha256),
    )


def _versions(report: Report) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for row in report.rows:
        seen.setdefault(row.indicator.code, row.indicator.version)
    return list(seen.items())


def to_csv(report: Report) -> Export:
    data = _csv_bytes(long_rows(report))
    sha = hashlib.sha256(data).hexdigest()
    stamp = stamp_of(report, sha)
    tail = "".join(f"# {key}: {value}\n" for key, value in stamp).encode("utf-8")
    return Export(data + tail, sha, report.suppressed, stamp)


def to_xlsx(report: Report) -> Export:
    import xlsxwriter

    rows = long_rows(report)
    sha = hashlib.sha256(_csv_bytes(rows)).hexdigest()
    stamp = stamp_of(report, sha)
    buffer = io.BytesIO()
    # Text stays text: a category such as "=HYPERLINK(...)" typed in the registry must not become a formula.
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(buffer, options) as book:
        sheet = book.add_worksheet("Indicadores")
        sheet.write_row(0, 0, HEADER)
        for number, (code, dis, category, n, value, hidden) in enumerate(rows, start=1):
            sheet.write_string(number, 0, code)
            sheet.write_string(number, 1, dis)
            sheet.write_string(number, 2, category)
            if n:
                sheet.write_number(number, 3, int(n))
            if value:
                sheet.write_number(number, 4, float(value))
            sheet.write_number(number, 5, int(hidden))
        meta = book.add_worksheet("Sello")
        for number, (key, text) in enumerate(stamp):
            meta.write_string(number, 0, key)
            meta.write_string(number, 1, text)
    return Export(buffer.getvalue(), sha, report.suppressed, stamp)


def build_export(report: Report, fmt: str) -> Export:
    """The seam for a background job: plain in, bytes out."""
    return to_xlsx(report) if fmt == "xlsx" else to_csv(report)
