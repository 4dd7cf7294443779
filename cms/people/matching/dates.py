"""Birth dates as people write them: day and month swapped, one digit wrong, a generation apart."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

GENERATION_YEARS = 15


class DateVerdict(StrEnum):
    """How two birth dates compare."""

    SAME = "same"
    SWAPPED = "swapped"
    CLOSE = "close"
    DIFFERENT = "different"
    GENERATION = "generation"
    MISSING = "missing"


def _one_digit_apart(a: int, b: int) -> bool:
    """True when two numbers written with the same digits count differ in exactly one digit."""
    x, y = f"{a:04d}", f"{b:04d}"
    return sum(1 for p, q in zip(x, y, strict=True) if p != q) == 1


def _close(a: date, b: date) -> bool:
    """Two of the three parts equal and the third one digit (or one year) off: a typo."""
    if (a.month, a.day) == (b.month, b.day):
        return abs(a.year - b.year) == 1 or _one_digit_apart(a.year, b.year)
    if a.year != b.year:
        return False
    return (a.month == b.month and _one_digit_apart(a.day, b.day)) or (
        a.day == b.day and _one_digit_apart(a.month, b.month)
    )


def compare_dates(a: date | None, b: date | None) -> DateVerdict:
    """Compare two birth dates; 15 or more years apart reads as parent and child."""
    if a is None or b is None:
        return DateVerdict.MISSING
    if a == b:
        return DateVerdict.SAME
    if (a.year, a.month, a.day) == (b.year, b.day, b.month):
        return DateVerdict.SWAPPED
    if _close(a, b):
        return DateVerdict.CLOSE
    if abs(a.year - b.year) >= GENERATION_YEARS:
        return DateVerdict.GENERATION
    return DateVerdict.DIFFERENT
