"""Score two person records 0-100 and say why, field by field, in Spanish for the coordinator.

Each field adds or takes away points (a log-odds sum); the score is a logistic of that sum. First names,
birth dates and documents weigh most against a match, so that siblings, twins and a mother and daughter
with the same name are not proposed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rapidfuzz import fuzz

from .dates import DateVerdict, compare_dates
from .documents import Document, DocumentVerdict, compare_documents, parse_document
from .names import ParsedName, normalize_text, parse_name
from .phones import phone_key

SHOW_AT = 50
SAME_DOCUMENT_FLOOR = 60
_OFFSET = 4.0
_SPREAD = 1.5
_SIMILAR_RATIO = 80.0

_COUNTRIES = {
    "venezuela": "ve", "venezolana": "ve", "venezolano": "ve", "ve": "ve", "ven": "ve",
    "ecuador": "ec", "ecuatoriana": "ec", "ecuatoriano": "ec", "ec": "ec", "ecu": "ec",
    "colombia": "co", "colombiana": "co", "colombiano": "co", "co": "co", "col": "co",
    "peru": "pe", "peruana": "pe", "peruano": "pe", "pe": "pe", "per": "pe",
    "cuba": "cu", "cubana": "cu", "cubano": "cu", "cu": "cu", "cub": "cu",
}  # fmt: skip


class Field(StrEnum):
    """The compared fields, in the order the reasons are listed."""

    DOCUMENT = "document"
    GIVEN_NAMES = "given_names"
    SURNAMES = "surnames"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"
    NATIONALITY = "nationality"
    CITY = "city"


class NameVerdict(StrEnum):
    """How two given names or two sets of surnames compare."""

    SAME = "same"
    SOUNDS = "sounds"
    SWAPPED = "swapped"
    SIMILAR = "similar"
    ONE_MISSING = "one_missing"
    PARTLY = "partly"
    DIFFERENT = "different"


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """What the matching reads of a person; every field but id and the names may be empty."""

    id: str
    given_names: str
    surnames: str
    birth_date: date | None = None
    document_type: str = ""
    document: str = ""
    phone: str = ""
    nationality: str = ""
    city: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    """One field's verdict: field and verdict are stable codes, detail the Spanish sentence to show."""

    field: str
    verdict: str
    detail: str
    points: float = 0.0


@dataclass(frozen=True, slots=True)
class Match:
    """A scored pair of records (ids in the order compared) with its reasons."""

    a_id: str
    b_id: str
    score: int
    reasons: tuple[Reason, ...]

    @property
    def summary(self) -> str:
        """The reasons' Spanish sentences joined by '; '."""
        return "; ".join(r.detail for r in self.reasons)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A record with everything the comparison needs computed once."""

    record: PersonRecord
    name: ParsedName
    document: Document | None
    phone: str
    nationality: str
    city: str


def prepare(record: PersonRecord) -> Prepared:
    """Parse a record's names, document, phone and places once, for many comparisons."""
    nationality = normalize_text(record.nationality)
    return Prepared(
        record=record,
        name=parse_name(record.given_names, record.surnames),
        document=parse_document(record.document_type, record.document),
        phone=phone_key(record.phone),
        nationality=_COUNTRIES.get(nationality, nationality),
        city=normalize_text(record.city),
    )


# --- Names ----------------------------------------------------------------------------------------


def _token_level(a: str, b: str, key_a: str, key_b: str) -> int:
    """3 same spelling, 2 same sound (or variant), 1 similar spelling, 0 different."""
    if a == b:
        return 3
    if key_a == key_b:
        return 2
    return 1 if fuzz.ratio(a, b) >= _SIMILAR_RATIO else 0


def _levels(a: tuple[str, ...], b: tuple[str, ...], ka: tuple[str, ...], kb: tuple[str, ...]) -> list[int]:
    """Token by token levels of two equally long name lists."""
    return [_token_level(x, y, kx, ky) for x, y, kx, ky in zip(a, b, ka, kb, strict=True)]


def _contained(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every sound key of the shorter list is among the longer one's."""
    return all(k in long for k in short)


def _verdict_same_length(levels: list[int]) -> NameVerdict | None:
    """Verdict of two lists of the same length compared in order, None when they do not line up."""
    if min(levels) == 3:
        return NameVerdict.SAME
    if min(levels) >= 2:
        return NameVerdict.SOUNDS
    if min(levels) >= 1:
        return NameVerdict.SIMILAR
    return None


def _name_verdict(a: tuple[str, ...], b: tuple[str, ...], ka: tuple[str, ...], kb: tuple[str, ...]) -> NameVerdict:
    """Compare two name lists: in order, swapped, one missing, partly or different."""
    if len(a) == len(b):
        verdict = _verdict_same_length(_levels(a, b, ka, kb))
        if verdict is not None:
            return verdict
        if len(a) == 2 and min(_levels(a, b[::-1], ka, kb[::-1])) >= 2:
            return NameVerdict.SWAPPED
    elif _contained(ka, kb) or _contained(kb, ka):
        return NameVerdict.ONE_MISSING
    if fuzz.ratio("".join(a), "".join(b)) >= 90:
        return NameVerdict.SIMILAR
    return NameVerdict.PARTLY if set(ka) & set(kb) else NameVerdict.DIFFERENT


_GIVEN_POINTS = {
    NameVerdict.SAME: 3.0,
    NameVerdict.SOUNDS: 2.5,
    NameVerdict.SWAPPED: 1.5,
    NameVerdict.SIMILAR: 1.5,
    NameVerdict.ONE_MISSING: 1.5,
    NameVerdict.PARTLY: -5.0,
    NameVerdict.DIFFERENT: -6.0,
}
_SURNAME_POINTS = {
    NameVerdict.SAME: 3.0,
    NameVerdict.SOUNDS: 2.5,
    NameVerdict.SWAPPED: 2.5,
    NameVerdict.SIMILAR: 1.5,
    NameVerdict.ONE_MISSING: 1.5,
    NameVerdict.PARTLY: -3.0,
    NameVerdict.DIFFERENT: -6.0,
}


def _shown(words: tuple[str, ...]) -> str:
    """Name words as written, for a reason's detail."""
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class _Finding:
    """A field's verdict before its Spanish sentence is written (only shown pairs need one)."""

    field: Field
    verdict: str
    points: float
    message: Any  # a lazy sentence with %(name)s placeholders, or a function of values (for plurals)
    values: dict[str, object]

    def reason(self) -> Reason:
        """The Reason with its sentence translated now."""
        text = self.message(self.values) if callable(self.message) else str(self.message) % self.values
        return Reason(self.field, self.verdict, text, self.points)


_GIVEN_TEXTS = {
    NameVerdict.SAME: _("Nombres: iguales"),
    NameVerdict.SOUNDS: _("Nombres: suenan igual (%(a)s / %(b)s)"),
    NameVerdict.SWAPPED: _("Nombres: los mismos en otro orden (%(a)s / %(b)s)"),
    NameVerdict.SIMILAR: _("Nombres: parecidos (%(a)s / %(b)s)"),
    NameVerdict.ONE_MISSING: _("Nombres: falta uno (%(a)s / %(b)s)"),
    NameVerdict.PARTLY: _("Nombres: solo uno coincide (%(a)s / %(b)s)"),
    NameVerdict.DIFFERENT: _("Nombres: distintos (%(a)s / %(b)s)"),
}
_SURNAME_TEXTS = {
    NameVerdict.SAME: _("Apellidos: iguales"),
    NameVerdict.SOUNDS: _("Apellidos: suenan igual (%(a)s / %(b)s)"),
    NameVerdict.SWAPPED: _("Apellidos: los mismos en otro orden (%(a)s / %(b)s)"),
    NameVerdict.SIMILAR: _("Apellidos: parecidos (%(a)s / %(b)s)"),
    NameVerdict.ONE_MISSING: _("Apellidos: falta uno (%(a)s / %(b)s)"),
    NameVerdict.PARTLY: _("Apellidos: solo uno coincide (%(a)s / %(b)s)"),
    NameVerdict.DIFFERENT: _("Apellidos: distintos (%(a)s / %(b)s)"),
}


def _given_finding(a: ParsedName, b: ParsedName) -> _Finding | None:
    """The given names' finding (None when one record has none)."""
    if not a.given or not b.given:
        return None
    verdict = _name_verdict(a.given, b.given, a.given_keys, b.given_keys)
    values: dict[str, object] = {"a": _shown(a.given_shown), "b": _shown(b.given_shown)}
    return _Finding(Field.GIVEN_NAMES, verdict, _GIVEN_POINTS[verdict], _GIVEN_TEXTS[verdict], values)


def _surnames_finding(a: ParsedName, b: ParsedName) -> _Finding | None:
    """The surnames' finding (None when one record has none)."""
    if not a.surnames or not b.surnames:
        return None
    verdict = _name_verdict(a.surnames, b.surnames, a.surname_keys, b.surname_keys)
    values: dict[str, object] = {"a": _shown(a.surnames_shown), "b": _shown(b.surnames_shown)}
    return _Finding(Field.SURNAMES, verdict, _SURNAME_POINTS[verdict], _SURNAME_TEXTS[verdict], values)


# --- Documents, dates, phones, places ----------------------------------------------------------------

_DOCUMENT_POINTS = {
    DocumentVerdict.SAME: 8.0,
    DocumentVerdict.TYPO: 4.0,
    DocumentVerdict.NEAR: 1.0,
    DocumentVerdict.DIFFERENT: -8.0,
    DocumentVerdict.DIFFERENT_UNCHECKED: -3.0,
}
_DOCUMENT_TEXTS = {
    DocumentVerdict.SAME: _("Documento: el mismo número"),
    DocumentVerdict.TYPO: _("Documento: parece un error al escribir la cédula (%(a)s / %(b)s)"),
    DocumentVerdict.NEAR: _("Documento: casi el mismo número (%(a)s / %(b)s)"),
    DocumentVerdict.DIFFERENT: _("Documento: dos números válidos distintos"),
    DocumentVerdict.DIFFERENT_UNCHECKED: _("Documento: números distintos"),
}


def _document_finding(a: Document | None, b: Document | None) -> _Finding | None:
    """The documents' finding (None when they cannot be compared)."""
    verdict = compare_documents(a, b)
    if verdict == DocumentVerdict.NOT_COMPARABLE or a is None or b is None:
        return None
    values: dict[str, object] = {"a": a.number, "b": b.number}
    return _Finding(Field.DOCUMENT, verdict, _DOCUMENT_POINTS[verdict], _DOCUMENT_TEXTS[verdict], values)


_DATE_POINTS = {
    DateVerdict.SAME: 3.0,
    DateVerdict.SWAPPED: 2.5,
    DateVerdict.CLOSE: 1.0,
    DateVerdict.DIFFERENT: -3.0,
    DateVerdict.GENERATION: -6.0,
}


def _generation_text(values: dict[str, object]) -> str:
    """The sentence for birth dates a generation apart (the number of years needs a plural)."""
    years = int(str(values["years"]))
    return ngettext(
        "Fecha de nacimiento: %(years)s año de diferencia, otra generación",
        "Fecha de nacimiento: %(years)s años de diferencia, otra generación",
        years,
    ) % {"years": years}


_DATE_TEXTS: dict[DateVerdict, Any] = {
    DateVerdict.SAME: _("Fecha de nacimiento: la misma"),
    DateVerdict.SWAPPED: _("Fecha de nacimiento: día y mes invertidos"),
    DateVerdict.CLOSE: _("Fecha de nacimiento: un número distinto (%(a)s / %(b)s)"),
    DateVerdict.DIFFERENT: _("Fecha de nacimiento: distinta (%(a)s / %(b)s)"),
    DateVerdict.GENERATION: _generation_text,
}


def _date_finding(a: date | None, b: date | None) -> _Finding | None:
    """The birth dates' finding (None when one is missing)."""
    verdict = compare_dates(a, b)
    if verdict == DateVerdict.MISSING or a is None or b is None:
        return None
    values: dict[str, object] = {"a": a.isoformat(), "b": b.isoformat(), "years": abs(a.year - b.year)}
    return _Finding(Field.BIRTH_DATE, verdict, _DATE_POINTS[verdict], _DATE_TEXTS[verdict], values)


def _phone_finding(a: str, b: str) -> _Finding | None:
    """The phones' finding: the same weighs a little (families share one), different barely."""
    if not a or not b:
        return None
    if a == b:
        return _Finding(Field.PHONE, "same", 2.0, _("Teléfono: el mismo"), {})
    return _Finding(Field.PHONE, "different", -0.5, _("Teléfono: distinto"), {})


def _place_findings(a: Prepared, b: Prepared) -> list[_Finding]:
    """Nationality (different: a little against) and city (same: a little for)."""
    found = []
    if a.nationality and b.nationality and a.nationality != b.nationality:
        values: dict[str, object] = {"a": a.record.nationality, "b": b.record.nationality}
        message = _("Nacionalidad: distinta (%(a)s / %(b)s)")
        found.append(_Finding(Field.NATIONALITY, "different", -1.0, message, values))
    if a.city and a.city == b.city:
        found.append(_Finding(Field.CITY, "same", 0.5, _("Ciudad: la misma"), {}))
    return found


# --- The score ------------------------------------------------------------------------------------


def _findings(a: Prepared, b: Prepared) -> tuple[_Finding, ...]:
    """Every field's finding, in Field order, leaving out fields one record lacks."""
    found = [
        _document_finding(a.document, b.document),
        _given_finding(a.name, b.name),
        _surnames_finding(a.name, b.name),
        _date_finding(a.record.birth_date, b.record.birth_date),
        _phone_finding(a.phone, b.phone),
        *_place_findings(a, b),
    ]
    return tuple(f for f in found if f is not None)


def _score(findings: tuple[_Finding, ...]) -> int:
    """0-100 from the points; the same document always reaches the coordinator."""
    total = sum(f.points for f in findings)
    score = round(100 / (1 + math.exp(-(total - _OFFSET) / _SPREAD)))
    if any(f.field == Field.DOCUMENT and f.verdict == DocumentVerdict.SAME for f in findings):
        score = max(score, SAME_DOCUMENT_FLOOR)
    return score


def compare_prepared(a: Prepared, b: Prepared, *, threshold: int = 0) -> Match | None:
    """Score two prepared records; None below threshold (the Spanish reasons are only written above it)."""
    findings = _findings(a, b)
    score = _score(findings)
    if score < threshold:
        return None
    return Match(a.record.id, b.record.id, score, tuple(f.reason() for f in findings))


def compare(a: PersonRecord, b: PersonRecord) -> Match:
    """Score two records 0-100 with the reasons, whatever the score."""
    result = compare_prepared(prepare(a), prepare(b))
    assert result is not None  # threshold 0: every pair has a score
    return result


def match(a: PersonRecord, b: PersonRecord, *, threshold: int = SHOW_AT) -> Match | None:
    """The scored pair when it should be shown to a coordinator (score >= threshold), else None."""
    return compare_prepared(prepare(a), prepare(b), threshold=threshold)
