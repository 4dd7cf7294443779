"""CSV export of a course gradebook, safe to open in Excel."""

import csv
import io

from django.utils.translation import gettext as _

from lms.grades.selectors import CourseGradebook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """A cell that Excel will never run as a formula (CSV injection): prefix ' when risky."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def gradebook_csv(book: CourseGradebook) -> str:
    """The gradebook as CSV text with a BOM, so Excel reads the accents as UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            csv_safe(h)
            for h in [
                _("Usuario"),
                _("Nombre"),
                *[item.title for item in book.items],
                _("Total de lo calificado (%)"),
                _("Total del curso (%)"),
            ]
        ]
    )
    for row in book.rows:
        writer.writerow(
            [
                csv_safe(cell)
                for cell in [
                    row.user.username,
                    row.user.get_full_name(),
                    *row.scores,
                    row.total_graded,
                    row.total_all,
                ]
            ]
        )
    return out.getvalue()
