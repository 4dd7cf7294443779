"""Duplicate people in Spanish and Venezuelan data: names by sound, documents, dates, phones; no search engine.

The public API, independent of any model:

- `PersonRecord`, `Match`, `Reason`: frozen dataclasses (score.py).
- `match(a, b)` -> Match or None (shown from `SHOW_AT`), `compare(a, b)` -> Match always.
- `candidate_pairs(records)` -> list of Match, best first, through blocking keys (pairs.py).
- `matches_for(record, others)` -> the others that may be the same person as record, best first.
- `blocking_keys(record)` -> the keys to store beside a record to look its candidates up in a database.
"""

from .pairs import blocking_keys, brute_force_pairs, candidate_pairs, matches_for
from .score import SHOW_AT, Field, Match, PersonRecord, Reason, compare, match

__all__ = [
    "SHOW_AT",
    "Field",
    "Match",
    "PersonRecord",
    "Reason",
    "blocking_keys",
    "brute_force_pairs",
    "candidate_pairs",
    "compare",
    "match",
    "matches_for",
]
