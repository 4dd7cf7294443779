"""Phone numbers with or without +593 / 593 / 0 / +58 and spaces, reduced to one comparable form."""

from __future__ import annotations

MIN_DIGITS = 7


def phone_key(raw: str) -> str:
    """The national number without country code or leading 0 ('' when too short to compare).

    "+593 99 123 4567", "593991234567" and "099 123 4567" all give "991234567"; "+58 412-1234567" and
    "0412 1234567" give "4121234567".
    """
    digits = "".join(c for c in raw if c.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("593") and len(digits) >= 11:
        digits = digits[3:]
    elif digits.startswith("58") and len(digits) >= 12:
        digits = digits[2:]
    digits = digits.lstrip("0")
    return digits if len(digits) >= MIN_DIGITS else ""
