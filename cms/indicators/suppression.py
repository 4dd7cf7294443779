"""Small-cell suppression, by construction: every figure shown or exported passes through `suppress`.

The model: a set of cells (a count, or a numerator over a denominator for a percentage) and equations
"total = sum of members" that a reader can use (a row's total over its categories; a province over its
cities; a city over its centers). A cell is hidden

1. primarily, when it counts 1 to k-1 people (a percentage: when its numerator or its denominator does);
2. complementarily, while some equation would give a hidden value back: exactly one unknown in it, or (the
   total known, zeros shown) hidden members whose sum equals their number, so each one must be 1. The next
   cell hidden is the smallest visible member that is not zero; a zero only when no other is left.

Zeros are shown: "nobody" says nothing about a person. Because the reader then knows a hidden cell is not
zero, rule 2 also looks at the case where every hidden member would have to be 1 ("all ones").
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

K_MIN = 5


def k_threshold() -> int:
    """SEMILLA_INDICATOR_K: may be raised above 5, never lowered."""
    k = int(getattr(settings, "SEMILLA_INDICATOR_K", K_MIN))
    if k < K_MIN:
        raise ImproperlyConfigured(f"SEMILLA_INDICATOR_K must be at least {K_MIN}, not {k}.")
    return k


@dataclass(frozen=True)
class Value:
    """The people behind a cell: `num` counted; `den` the base of a percentage (None for a count)."""

    num: int
    den: int | None = None


def _primary(value: Value, k: int) -> bool:
    if 0 < value.num < k:
        return True
    return value.den is not None and 0 < value.den < k


def _vectors(value: Value) -> tuple[int, ...]:
    return (value.num,) if value.den is None else (value.num, value.den)


def _exposed(total: Hashable, members: Sequence[Hashable], values: dict, hidden: set) -> bool:
    """Could a reader get a hidden value of this equation back from the visible ones?"""
    unknown = [cell for cell in (total, *members) if cell in hidden]
    if len(unknown) == 1:
        return True
    if not unknown or total in hidden:
        return False
    hidden_members = [cell for cell in members if cell in hidden]
    for position in range(len(_vectors(values[total]))):
        figures = [_vectors(values[cell])[position] for cell in hidden_members]
        # A reader who knows the rule knows a hidden cell is rarely 0 (zeros hide only as a last resort).
        if all(figures) and sum(figures) == len(figures):
            return True
    return False


def _next_to_hide(total: Hashable, members: Sequence[Hashable], values: dict, hidden: set) -> Hashable | None:
    visible = [cell for cell in members if cell not in hidden]
    nonzero = [cell for cell in visible if values[cell].num or values[cell].den]
    pool = nonzero or visible
    if pool:
        return min(pool, key=lambda cell: (values[cell].num, values[cell].den or 0, str(cell)))
    return total if total not in hidden else None


def suppress(
    values: dict[Hashable, Value],
    equations: Iterable[tuple[Hashable, Sequence[Hashable]]],
    k: int | None = None,
) -> set[Hashable]:
    """The cells to hide. `equations` are (total cell, member cells), all keys of `values`."""
    k = k_threshold() if k is None else max(k, K_MIN)
    equations = list(equations)
    hidden = {cell for cell, value in values.items() if _primary(value, k)}
    changed = True
    while changed:
        changed = False
        for total, members in equations:
            while _exposed(total, members, values, hidden):
                cell = _next_to_hide(total, members, values, hidden)
                if cell is None:
                    break
                hidden.add(cell)
                changed = True
    return hidden


def recoverable(values: dict, equations: Iterable[tuple[Hashable, Sequence[Hashable]]], hidden: set) -> bool:
    """The audit used by the tests: True when some equation still gives a hidden value back."""
    return any(_exposed(total, members, values, hidden) for total, members in equations)
