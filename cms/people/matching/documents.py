"""Identity documents: Ecuadorian cédula (with its check digit), Venezuelan cédula, passport."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import OSA
from stdnum.ec import ci as ec_ci


class DocumentType(StrEnum):
    """The values of the CSV column tipo_documento (empty: guessed from the number)."""

    CEDULA = "cedula"
    CEDULA_VENEZOLANA = "cedula_venezolana"
    PASAPORTE = "pasaporte"
    UNKNOWN = ""


class DocumentVerdict(StrEnum):
    """How two records' documents compare."""

    SAME = "same"
    TYPO = "typo"
    NEAR = "near"
    DIFFERENT = "different"
    DIFFERENT_UNCHECKED = "different_unchecked"
    NOT_COMPARABLE = "not_comparable"


@dataclass(frozen=True, slots=True)
class Document:
    """A normalised document: its type, its number (digits for cédulas) and whether the number is well formed."""

    kind: DocumentType
    number: str
    valid: bool


_VE_FORM = re.compile(r"^([VE])?[\s.\-]*([\d.\s\-]+)$")
_PASSPORT_JUNK = re.compile(r"[\s.\-/]+")


def _digits(raw: str) -> str:
    """Only the digits of a string."""
    return "".join(c for c in raw if c.isdigit())


def _ecuadorian(raw: str) -> Document:
    """Ecuadorian cédula: 10 digits with a valid province and check digit (a spreadsheet may drop the first 0)."""
    number = _digits(raw)
    if len(number) == 9:
        number = "0" + number
    return Document(DocumentType.CEDULA, number, ec_ci.is_valid(number))


def _venezuelan(raw: str) -> Document:
    """Venezuelan cédula as V-12.345.678, V12345678, 12345678 or E-... (no check digit: 5 to 9 digits).

    The letter (V national, E foreigner) is dropped: the same digits with another letter are a typo.
    """
    found = _VE_FORM.match(raw.strip().upper())
    number = (found.group(2) if found else _digits(raw)).strip()
    number = _digits(number).lstrip("0")
    return Document(DocumentType.CEDULA_VENEZOLANA, number, bool(found) and 5 <= len(number) <= 9)


def _passport(raw: str) -> Document:
    """Passport number: upper case, without spaces, dots or dashes."""
    number = _PASSPORT_JUNK.sub("", raw.upper())
    return Document(DocumentType.PASAPORTE, number, number.isalnum() and 5 <= len(number) <= 20)


def _guess(raw: str) -> Document:
    """A document without a type: a cédula when it looks like one, otherwise a passport."""
    compact = _PASSPORT_JUNK.sub("", raw.upper())
    if compact[:1] in ("V", "E") and compact[1:].isdigit():
        return _venezuelan(raw)
    if compact.isdigit() and (len(compact) == 10 or (len(compact) == 9 and ec_ci.is_valid("0" + compact))):
        return _ecuadorian(raw)
    if compact.isdigit() and 5 <= len(compact) <= 9:
        return _venezuelan(raw)
    return _passport(raw)


def parse_document(document_type: str, raw: str) -> Document | None:
    """Normalise a document of the given type ('' guesses it); None when the number is empty."""
    if not raw or not raw.strip():
        return None
    parsers = {
        DocumentType.CEDULA: _ecuadorian,
        DocumentType.CEDULA_VENEZOLANA: _venezuelan,
        DocumentType.PASAPORTE: _passport,
    }
    try:
        kind = DocumentType(document_type.strip().lower())
    except ValueError:
        kind = DocumentType.UNKNOWN
    document = parsers.get(kind, _guess)(raw)
    return document if document.number else None


def one_edit_apart(a: str, b: str) -> bool:
    """True when a and b differ by one changed digit or two swapped neighbours (not when equal)."""
    return a != b and len(a) == len(b) and OSA.distance(a, b) <= 1


def compare_documents(a: Document | None, b: Document | None) -> DocumentVerdict:
    """Compare two documents: an invalid cédula one edit from a valid one is a typo, not another person."""
    if a is None or b is None:
        return DocumentVerdict.NOT_COMPARABLE
    if a.number == b.number:
        return DocumentVerdict.SAME
    if a.kind != b.kind:
        return DocumentVerdict.NOT_COMPARABLE
    checked = a.kind == DocumentType.CEDULA
    if checked and a.valid and b.valid:
        # A check digit catches any one changed digit: two valid cédulas are two people.
        return DocumentVerdict.DIFFERENT
    if one_edit_apart(a.number, b.number):
        return DocumentVerdict.TYPO if checked else DocumentVerdict.NEAR
    if a.valid and b.valid:
        return DocumentVerdict.DIFFERENT
    return DocumentVerdict.DIFFERENT_UNCHECKED


def typo_keys(document: Document) -> tuple[str, ...]:
    """Blocking keys that two numbers one edit apart share: the number with one or two neighbours masked."""
    n = document.number
    singles = (n[:i] + "?" + n[i + 1 :] for i in range(len(n)))
    pairs = (n[:i] + "??" + n[i + 2 :] for i in range(len(n) - 1))
    return tuple(f"{document.kind}:{masked}" for masked in (*singles, *pairs))
