"""Rules a question and a quiz must follow. Used by the admin forms and by the services alike."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

CHOICE_KINDS = frozenset({"unica", "multiple", "vf"})


@dataclass(frozen=True)
class ChoiceData:
    text: str
    is_correct: bool


def question_errors(
    *,
    kind: str,
    choices: Iterable[ChoiceData] | None,
    accepted_answers: str = "",
    numeric_answer: Decimal | None = None,
) -> dict[str | None, str]:
    """Problems of a question, by form field (None = the whole question). Empty when it is valid.

    choices=None skips the option rules (the model's clean() cannot see unsaved inline options).
    """
    errors: dict[str | None, str] = {}
    if choices is not None and kind in CHOICE_KINDS:
        choices = list(choices)
        correct = sum(1 for c in choices if c.is_correct)
        if len(choices) < 2:
            errors[None] = str(_("Agrega al menos dos opciones."))
        elif kind in {"unica", "vf"} and correct != 1:
            errors[None] = str(_("Marca exactamente una opción como correcta."))
        elif kind == "multiple" and correct < 1:
            errors[None] = str(_("Marca al menos una opción como correcta."))
    if kind == "corta" and not accepted_variants(accepted_answers):
        errors["accepted_answers"] = str(_("Escribe al menos una respuesta aceptada."))
    if kind == "numerica" and numeric_answer is None:
        errors["numeric_answer"] = str(_("Escribe la respuesta numérica."))
    return errors


def quiz_question_errors(*, course_id: int | None, question_course_ids: Iterable[int]) -> list[str]:
    """A quiz only uses questions of its own course's bank."""
    if any(qc != course_id for qc in question_course_ids):
        return [str(_("Usa solo preguntas del banco de este curso."))]
    return []


def normalize_text(text: str) -> str:
    """Lowercase, no accents, no punctuation, single spaces: 'Ahorro  Mensual!' -> 'ahorro mensual'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    no_punctuation = re.sub(r"[^\w\s]", " ", no_accents.lower())
    return " ".join(no_punctuation.split())


def accepted_variants(accepted_answers: str) -> set[str]:
    return {normalize_text(line) for line in (accepted_answers or "").splitlines() if normalize_text(line)}


def parse_decimal(text: str) -> Decimal | None:
    """A number typed with comma or point as decimal separator ("1.250,5" and "1250.5" too). None if invalid."""
    raw = (text or "").strip().replace(" ", "").replace("$", "")
    if not raw:
        return None
    if "," in raw and "." in raw:
        # The last separator is the decimal one; the other groups thousands.
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_sep, ".")
    else:
        raw = raw.replace(",", ".")
    if not re.fullmatch(r"[-+]?\d*\.?\d+|[-+]?\d+\.", raw):
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None
