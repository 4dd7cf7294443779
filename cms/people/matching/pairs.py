"""Candidate pairs without comparing every record with every other: blocking keys, then the score.

Two records are compared only when they share a blocking key: a given name's and a surname's sound keys,
a document number (or the number with one or two neighbouring digits masked, which two numbers one typo
apart share), a phone, or a birth date (day and month in either order) with a name's sound key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from .documents import typo_keys
from .score import SHOW_AT, Match, PersonRecord, Prepared, compare_prepared, prepare

# A key shared by more records than this is a placeholder ("0999999999") or too common to tell anyone apart.
MAX_BLOCK = 1000


def _date_key(prepared: Prepared) -> str:
    """The birth date with day and month in either order ('' when missing)."""
    born = prepared.record.birth_date
    if born is None:
        return ""
    low, high = sorted((born.month, born.day))
    return f"{born.year}-{low}-{high}"


def _prepared_keys(prepared: Prepared) -> frozenset[str]:
    """Every blocking key of a prepared record."""
    name = prepared.name
    keys = {f"n:{g}|{s}" for g in name.given_keys for s in name.surname_keys}
    if prepared.document is not None:
        keys.add(f"d:{prepared.document.number}")
        keys.update(f"t:{k}" for k in typo_keys(prepared.document))
    if prepared.phone:
        keys.add(f"p:{prepared.phone}")
    born = _date_key(prepared)
    if born:
        keys.update(f"b:{born}|{k}" for k in (*name.given_keys, *name.surname_keys))
    return frozenset(keys)


def blocking_keys(record: PersonRecord) -> frozenset[str]:
    """The keys under which a record is filed; two records are compared only when they share one."""
    return _prepared_keys(prepare(record))


def _blocks(prepared: Sequence[Prepared]) -> dict[str, list[int]]:
    """Key -> positions of the records filed under it."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(prepared):
        for key in _prepared_keys(item):
            blocks[key].append(position)
    return blocks


def _pair_positions(blocks: dict[str, list[int]]) -> set[tuple[int, int]]:
    """Distinct (i, j) with i < j that share a block of a useful size."""
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))
    return pairs


def _best_first(matches: Iterable[tuple[int, int, Match | None]]) -> list[Match]:
    """The matches that are not None, highest score first, then in the records' order."""
    kept = [(i, j, m) for i, j, m in matches if m is not None]
    return [m for _, _, m in sorted(kept, key=lambda t: (-t[2].score, t[0], t[1]))]


def candidate_pairs(records: Sequence[PersonRecord], *, threshold: int = SHOW_AT) -> list[Match]:
    """Pairs to show a coordinator (score >= threshold), best first; a_id comes earlier in records."""
    prepared = [prepare(r) for r in records]
    pairs = _pair_positions(_blocks(prepared))
    return _best_first((i, j, compare_prepared(prepared[i], prepared[j], threshold=threshold)) for i, j in pairs)


def matches_for(record: PersonRecord, others: Iterable[PersonRecord], *, threshold: int = SHOW_AT) -> list[Match]:
    """Records among others that may be the same person as record (a_id is record's), best first."""
    mine = prepare(record)
    keys = _prepared_keys(mine)
    found = []
    for position, other in enumerate(others):
        if other.id == record.id:
            continue
        candidate = prepare(other)
        if keys & _prepared_keys(candidate):
            found.append((0, position, compare_prepared(mine, candidate, threshold=threshold)))
    return _best_first(found)


def brute_force_pairs(records: Sequence[PersonRecord], *, threshold: int = SHOW_AT) -> list[Match]:
    """Every pair compared (N²): the reference the blocking is tested against; small inputs only."""
    prepared = [prepare(r) for r in records]
    pairs = combinations(range(len(prepared)), 2)
    return _best_first((i, j, compare_prepared(prepared[i], prepared[j], threshold=threshold)) for i, j in pairs)
