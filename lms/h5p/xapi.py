"""What Semilla accepts of an xAPI statement sent by the browser."""

from decimal import Decimal, InvalidOperation

MAX_STATEMENT_BYTES = 64 * 1024
VERBS = {
    "http://adlnet.gov/expapi/verbs/answered": "answered",
    "http://adlnet.gov/expapi/verbs/completed": "completed",
    "http://adlnet.gov/expapi/verbs/passed": "passed",
    "http://adlnet.gov/expapi/verbs/failed": "failed",
    "http://adlnet.gov/expapi/verbs/attempted": "attempted",
    "http://adlnet.gov/expapi/verbs/interacted": "interacted",
    "http://adlnet.gov/expapi/verbs/experienced": "experienced",
    "http://adlnet.gov/expapi/verbs/progressed": "progressed",
}
RESULT_VERBS = {"answered", "completed", "passed", "failed"}


def verb_of(statement: dict) -> str | None:
    verb = statement.get("verb") if isinstance(statement, dict) else None
    return VERBS.get(verb.get("id")) if isinstance(verb, dict) else None


def is_top_level(statement: dict) -> bool:
    """H5P marks sub-questions with a parent context activity and a subContentId in the object id."""
    context = statement.get("context") or {}
    parents = (context.get("contextActivities") or {}).get("parent") if isinstance(context, dict) else None
    object_id = str((statement.get("object") or {}).get("id", ""))
    return not parents and "subContentId" not in object_id


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except (InvalidOperation, ValueError):
        return None


def score_of(statement: dict) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(raw, max, scaled) from result.score, scaled computed from raw/max when missing, clamped to 0..1."""
    score = ((statement.get("result") or {}).get("score")) or {}
    raw, maximum, scaled = _decimal(score.get("raw")), _decimal(score.get("max")), _decimal(score.get("scaled"))
    if scaled is None and raw is not None and maximum:
        scaled = raw / maximum
    if scaled is not None:
        scaled = min(max(scaled, Decimal(0)), Decimal(1)).quantize(Decimal("0.0001"))
    return raw, maximum, scaled
