"""Pitch-day scoring: weighted totals, per-juror normalization, flags, ranking, allocation and promotion.

Pure Python on Decimal with no Django imports, so every number can be checked by hand. The formulas, the
choices and a worked example are in docs/jury-scoring.md; the tests carry the hand-computed values.

Inputs are plain frozen dataclasses (Criterion, Sheet); ids are the models' integer primary keys.
Scores live on a 0-100 scale and keep full Decimal precision; only comparisons for ties round to 2 places.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import combinations

ZERO = Decimal(0)
HUNDRED = Decimal(100)
LEVEL_MIN, LEVEL_MAX = 1, 5

MIN_JURORS_TO_NORMALIZE = 3
MIN_VENTURES_TO_NORMALIZE = 6
# Rescaling of z: the "T-score" convention (mean 50, one standard deviation = 10 points).
RESCALE_CENTER = Decimal(50)
RESCALE_SPREAD = Decimal(10)
# Outliers: |x - median| > max(k * MAD, minimum gap). The floor keeps tiny MADs (three close jurors) from
# flagging differences of a few points, and covers MAD == 0.
OUTLIER_K = Decimal("2.5")
OUTLIER_MIN_GAP = Decimal(10)
# A juror whose raw totals have a population sd below this, over at least LOW_VARIANCE_MIN_VENTURES, is flat.
LOW_VARIANCE_SD = Decimal(5)
LOW_VARIANCE_MIN_VENTURES = 3
TIE_PLACES = Decimal("0.01")


class Method(StrEnum):
    NORMALIZED = "normalized"
    RAW = "raw"


class Reason(StrEnum):
    """Why a method was used; the UI turns each code into a Spanish sentence."""

    ENOUGH_DATA = "enough_data"
    TOO_FEW_VENTURES = "too_few_ventures"
    TOO_FEW_JURORS = "too_few_jurors"
    TOO_FEW_VENTURES_AND_JURORS = "too_few_ventures_and_jurors"


class JurorFlag(StrEnum):
    NO_SPREAD = "no_spread"  # sd == 0 while normalizing: every z was set to 0 (rescaled 50)
    LOW_VARIANCE = "low_variance"  # raw sd < LOW_VARIANCE_SD over >= LOW_VARIANCE_MIN_VENTURES ventures


class TieBreak(StrEnum):
    CRITERION = "criterion"
    HEAD_TO_HEAD = "head_to_head"
    DELIBERATION = "deliberation"  # set by resolve_deliberation, after the jury decided


# ---------------------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Criterion:
    id: int
    name: str
    weight: Decimal
    order: int


@dataclass(frozen=True)
class Sheet:
    juror_id: int
    venture_id: int
    levels: Mapping[int, int | None]  # criterion id -> level 1..5; None or absent = not scored yet


@dataclass(frozen=True)
class NormalizationDecision:
    method: Method
    reason: Reason
    venture_count: int
    jurors_per_venture: dict[int, int]
    short_ventures: tuple[int, ...]  # ventures with fewer than MIN_JURORS_TO_NORMALIZE jurors


@dataclass(frozen=True)
class JurorExplain:
    juror_id: int
    totals: dict[int, Decimal]  # venture -> raw weighted total
    mean: Decimal
    sd: Decimal  # population sd of the raw totals
    z: dict[int, Decimal]  # empty when raw
    rescaled: dict[int, Decimal]  # empty when raw
    flags: frozenset[JurorFlag]


@dataclass(frozen=True)
class Outlier:
    juror_id: int
    venture_id: int
    score: Decimal
    median: Decimal
    distance: Decimal
    threshold: Decimal


@dataclass(frozen=True)
class VentureExplain:
    venture_id: int
    scores: dict[int, Decimal]  # juror -> the score that counts (rescaled or raw)
    score: Decimal  # their mean: the final score
    criterion_means: dict[int, Decimal]  # criterion -> mean level over the venture's complete sheets
    median: Decimal
    mad: Decimal
    outlier_threshold: Decimal
    outlier_jurors: tuple[int, ...]


@dataclass(frozen=True)
class HeadToHead:
    a: int
    b: int
    shared_jurors: tuple[int, ...]
    a_higher: int  # shared jurors whose raw total for a is higher than for b
    b_higher: int


@dataclass(frozen=True)
class TieBreakStep:
    """One comparison inside a group tied on the rounded score; outcome lists the ordered sub-groups."""

    venture_ids: tuple[int, ...]
    kind: TieBreak
    criterion_id: int | None
    values: dict[int, Decimal]  # criterion: venture -> mean level (2 places); head to head: empty
    pairs: tuple[HeadToHead, ...]
    outcome: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class RankedVenture:
    venture_id: int
    rank: int
    score: Decimal
    tie_break_used: TieBreak | None
    needs_deliberation: bool
    tie_break_criterion_id: int | None = None


@dataclass(frozen=True)
class Explain:
    decision: NormalizationDecision
    weight_sum: Decimal
    criteria_by_priority: tuple[int, ...]  # the order criteria are tried in tie-breaks
    ignored_sheets: tuple[tuple[int, int], ...]  # (juror, venture) of incomplete sheets
    jurors: dict[int, JurorExplain]
    ventures: dict[int, VentureExplain]
    tie_breaks: tuple[TieBreakStep, ...]


@dataclass(frozen=True)
class Results:
    method: Method
    reason: Reason
    scores: dict[int, Decimal]
    ranking: tuple[RankedVenture, ...]
    juror_flags: dict[int, frozenset[JurorFlag]]
    outliers: tuple[Outlier, ...]
    unscored: tuple[int, ...]  # eligible ventures without a single complete sheet: not ranked
    explain: Explain


@dataclass(frozen=True)
class Award:
    venture_id: int
    rank: int
    amount: Decimal


@dataclass(frozen=True)
class Allocation:
    winners: tuple[Award, ...]
    reserve: tuple[RankedVenture, ...]
    spent: Decimal
    remaining: Decimal
    stopped_at: int | None  # the first venture that did not fit
    unresolved_tie: tuple[int, ...] = field(default=())  # tied ventures the cut line would split


class UnresolvedTie(Exception):
    """The next step would split ventures awaiting deliberation; resolve_deliberation them first."""

    def __init__(self, venture_ids: Sequence[int]) -> None:
        super().__init__(f"unresolved tie between ventures {tuple(venture_ids)}")
        self.venture_ids = tuple(venture_ids)


# ------------------------------------------------------------------------------------------- helpers


def mean(values: Sequence[Decimal]) -> Decimal:
    """Arithmetic mean: sum(x) / n."""
    return sum(values, ZERO) / len(values)


def population_sd(values: Sequence[Decimal]) -> Decimal:
    """Population standard deviation: sqrt(sum((x - mean)^2) / n)."""
    m = mean(values)
    return (sum(((x - m) ** 2 for x in values), ZERO) / len(values)).sqrt()


def median(values: Sequence[Decimal]) -> Decimal:
    """Middle value of the sorted values; the mean of the two middle ones when n is even."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def round2(value: Decimal) -> Decimal:
    """Round half up to 2 decimals: what the results page shows, and what ties are judged on."""
    return value.quantize(TIE_PLACES, rounding=ROUND_HALF_UP)


def is_complete(levels: Mapping[int, int | None], criteria: Sequence[Criterion]) -> bool:
    """A sheet counts only when every criterion has a level (None = not yet scored); ValueError outside 1..5."""
    for criterion_id, level in levels.items():
        if level is not None and not LEVEL_MIN <= level <= LEVEL_MAX:
            raise ValueError(f"level {level} for criterion {criterion_id} is outside {LEVEL_MIN}..{LEVEL_MAX}")
    return all(levels.get(c.id) is not None for c in criteria)


def _check_criteria(criteria: Sequence[Criterion]) -> None:
    if not criteria:
        raise ValueError("the rubric has no criteria")
    if any(c.weight <= 0 for c in criteria):
        raise ValueError("every criterion weight must be positive")
    if len({c.id for c in criteria}) != len(criteria):
        raise ValueError("criterion ids repeat")


# ------------------------------------------------------------------------------------------- totals


def weighted_total(levels: Mapping[int, int | None], criteria: Sequence[Criterion]) -> Decimal:
    """Weighted total on 0-100: sum(w_i * (level_i - 1) / 4) / sum(w_i) * 100.

    Level 1 maps to 0 and level 5 to 100, so the scale uses its whole range and a sheet of all 3s is 50.
    Levels for criteria not in the rubric are ignored. Raises ValueError if a criterion has no level.
    """
    _check_criteria(criteria)
    if not is_complete(levels, criteria):
        raise ValueError("the sheet is incomplete")
    span = Decimal(LEVEL_MAX - LEVEL_MIN)
    weighted = sum((c.weight * (levels[c.id] - LEVEL_MIN) / span for c in criteria), ZERO)
    return weighted / sum((c.weight for c in criteria), ZERO) * HUNDRED


def complete_sheets(sheets: Iterable[Sheet], criteria: Sequence[Criterion]) -> tuple[list[Sheet], list[Sheet]]:
    """Split sheets into (complete, incomplete). Raises ValueError if a juror has two sheets for a venture."""
    complete: list[Sheet] = []
    incomplete: list[Sheet] = []
    seen: set[tuple[int, int]] = set()
    for sheet in sheets:
        key = (sheet.juror_id, sheet.venture_id)
        if key in seen:
            raise ValueError(f"juror {sheet.juror_id} has two sheets for venture {sheet.venture_id}")
        seen.add(key)
        (complete if is_complete(sheet.levels, criteria) else incomplete).append(sheet)
    return complete, incomplete


def totals_by_juror(sheets: Sequence[Sheet], criteria: Sequence[Criterion]) -> dict[int, dict[int, Decimal]]:
    """juror -> venture -> weighted_total, for complete sheets."""
    totals: dict[int, dict[int, Decimal]] = {}
    for sheet in sheets:
        totals.setdefault(sheet.juror_id, {})[sheet.venture_id] = weighted_total(sheet.levels, criteria)
    return totals


def criterion_means(sheets: Sequence[Sheet], criteria: Sequence[Criterion]) -> dict[int, dict[int, Decimal]]:
    """venture -> criterion -> mean level over the venture's complete sheets (used by tie-breaks and the UI)."""
    by_venture: dict[int, list[Sheet]] = {}
    for sheet in sheets:
        by_venture.setdefault(sheet.venture_id, []).append(sheet)
    return {
        v: {c.id: mean([Decimal(s.levels[c.id]) for s in group]) for c in criteria} for v, group in by_venture.items()
    }


# ------------------------------------------------------------------------------------ normalization


def decide_normalization(jurors_per_venture: Mapping[int, int]) -> NormalizationDecision:
    """Normalize only when the event has >= 6 ventures AND every venture has >= 3 jurors (complete sheets).

    A z-score needs several ventures per juror to mean anything, and a venture's mean of normalized scores
    needs several jurors to average out one juror's view; below either bar raw totals are fairer.
    """
    short = tuple(sorted(v for v, n in jurors_per_venture.items() if n < MIN_JURORS_TO_NORMALIZE))
    few_ventures = len(jurors_per_venture) < MIN_VENTURES_TO_NORMALIZE
    if few_ventures and short:
        reason = Reason.TOO_FEW_VENTURES_AND_JURORS
    elif few_ventures:
        reason = Reason.TOO_FEW_VENTURES
    elif short:
        reason = Reason.TOO_FEW_JURORS
    else:
        reason = Reason.ENOUGH_DATA
    method = Method.NORMALIZED if reason == Reason.ENOUGH_DATA else Method.RAW
    return NormalizationDecision(method, reason, len(jurors_per_venture), dict(jurors_per_venture), short)


def rescale(z: Decimal) -> Decimal:
    """T-score: 50 + 10 * z, clamped to [0, 100].

    A juror's own average venture lands on 50 and one of their standard deviations is 10 points. With
    population sd, |z| <= sqrt(n - 1) for n ventures, so the clamp only bites past 26 ventures per juror.
    """
    return min(HUNDRED, max(ZERO, RESCALE_CENTER + RESCALE_SPREAD * z))


def juror_explain(juror_id: int, totals: dict[int, Decimal], normalize: bool) -> JurorExplain:
    """One juror's mean and sd of raw totals, z = (x - mean) / sd and rescaled z when normalizing, and flags.

    If sd == 0 every z is 0 (rescaled 50) and the juror gets NO_SPREAD: they told ventures apart in no way.
    """
    values = list(totals.values())
    m, sd = mean(values), population_sd(values)
    flags: set[JurorFlag] = set()
    if len(values) >= LOW_VARIANCE_MIN_VENTURES and sd < LOW_VARIANCE_SD:
        flags.add(JurorFlag.LOW_VARIANCE)
    z: dict[int, Decimal] = {}
    if normalize:
        if sd == 0:
            flags.add(JurorFlag.NO_SPREAD)
        z = {v: (x - m) / sd if sd else ZERO for v, x in totals.items()}
    rescaled = {v: rescale(value) for v, value in z.items()}
    return JurorExplain(juror_id, dict(totals), m, sd, z, rescaled, frozenset(flags))


# ----------------------------------------------------------------------------------------- outliers


def outlier_threshold(mad: Decimal) -> Decimal:
    """max(k * MAD, minimum gap) with k = 2.5 and a 10-point floor (which also covers MAD == 0)."""
    return max(OUTLIER_K * mad, OUTLIER_MIN_GAP)


def venture_explain(venture_id: int, scores: dict[int, Decimal], means: dict[int, Decimal]) -> VentureExplain:
    """Final score = mean of the jurors' scores; outliers: |x - median| > max(k * MAD, 10).

    MAD = median(|x_j - median|). With one or two jurors no score can exceed the threshold, so outliers
    need at least three jurors. Flags use the scores that count (rescaled when normalizing): they ask whether
    a juror pulls this venture's final score away from the others.
    """
    values = list(scores.values())
    med = median(values)
    mad = median([abs(x - med) for x in values])
    threshold = outlier_threshold(mad)
    outliers = tuple(sorted(j for j, x in scores.items() if abs(x - med) > threshold))
    return VentureExplain(venture_id, dict(scores), mean(values), means, med, mad, threshold, outliers)


def _outliers(ventures: Mapping[int, VentureExplain]) -> tuple[Outlier, ...]:
    return tuple(
        Outlier(j, v.venture_id, v.scores[j], v.median, abs(v.scores[j] - v.median), v.outlier_threshold)
        for v in ventures.values()
        for j in v.outlier_jurors
    )


# ------------------------------------------------------------------------------------------ ranking


def criteria_by_priority(criteria: Sequence[Criterion]) -> list[Criterion]:
    """Tie-break order: weight descending; equal weights by the rubric's order, then id."""
    return sorted(criteria, key=lambda c: (-c.weight, c.order, c.id))


def head_to_head(a: int, b: int, totals: Mapping[int, Mapping[int, Decimal]]) -> HeadToHead:
    """Among jurors who scored both, count who gave each the higher raw total (equal totals count for neither).

    Raw and normalized totals order a juror's ventures the same way, so raw totals are used.
    """
    shared = tuple(sorted(j for j, t in totals.items() if a in t and b in t))
    a_higher = sum(1 for j in shared if totals[j][a] > totals[j][b])
    b_higher = sum(1 for j in shared if totals[j][b] > totals[j][a])
    return HeadToHead(a, b, shared, a_higher, b_higher)


@dataclass(frozen=True)
class _Slot:
    """Ventures holding one place: one venture, or several awaiting deliberation."""

    venture_ids: tuple[int, ...]
    tie_break: TieBreak | None = None
    criterion_id: int | None = None
    needs_deliberation: bool = False


def _partition_desc(group: Sequence[int], values: Mapping[int, Decimal]) -> list[tuple[int, ...]]:
    """Group ventures by equal value, highest value first; ids ascending inside a group."""
    return [
        tuple(sorted(v for v in group if values[v] == value))
        for value in sorted({values[v] for v in group}, reverse=True)
    ]


def _by_criteria(
    group: tuple[int, ...],
    queue: Sequence[Criterion],
    means: Mapping[int, Mapping[int, Decimal]],
    totals: Mapping[int, Mapping[int, Decimal]],
    steps: list[TieBreakStep],
) -> list[_Slot]:
    """Go down the criteria by priority: the higher mean level (2 places) wins; equal ones go on to the next."""
    if len(group) == 1:
        return [_Slot(group)]
    if not queue:
        return _by_head_to_head(group, totals, steps)
    criterion, rest = queue[0], queue[1:]
    values = {v: round2(means[v][criterion.id]) for v in group}
    parts = _partition_desc(group, values)
    steps.append(TieBreakStep(group, TieBreak.CRITERION, criterion.id, values, (), tuple(parts)))
    if len(parts) == 1:
        return _by_criteria(group, rest, means, totals, steps)
    slots: list[_Slot] = []
    for part in parts:
        if len(part) == 1:
            slots.append(_Slot(part, TieBreak.CRITERION, criterion.id))
        else:
            slots.extend(_by_criteria(part, rest, means, totals, steps))
    return slots


def _by_head_to_head(
    group: tuple[int, ...], totals: Mapping[int, Mapping[int, Decimal]], steps: list[TieBreakStep]
) -> list[_Slot]:
    """Repeatedly place the venture that beats every other remaining one head to head; if none does (a draw or
    a cycle), the remaining ventures share the place and need deliberation."""
    remaining = list(group)
    slots: list[_Slot] = []
    while len(remaining) > 1:
        pairs = tuple(head_to_head(a, b, totals) for a, b in combinations(remaining, 2))
        beats = {v: 0 for v in remaining}
        for p in pairs:
            if p.a_higher != p.b_higher:
                beats[p.a if p.a_higher > p.b_higher else p.b] += 1
        winner = next((v for v in remaining if beats[v] == len(remaining) - 1), None)
        rest = tuple(v for v in remaining if v != winner)
        outcome = ((winner,), rest) if winner is not None else (tuple(remaining),)
        steps.append(TieBreakStep(tuple(remaining), TieBreak.HEAD_TO_HEAD, None, {}, pairs, outcome))
        if winner is None:
            return [*slots, _Slot(tuple(remaining), needs_deliberation=True)]
        slots.append(_Slot((winner,), TieBreak.HEAD_TO_HEAD))
        remaining = list(rest)
    return [*slots, _Slot(tuple(remaining), TieBreak.HEAD_TO_HEAD)]


def rank_ventures(
    scores: Mapping[int, Decimal],
    criteria: Sequence[Criterion],
    means: Mapping[int, Mapping[int, Decimal]],
    totals: Mapping[int, Mapping[int, Decimal]],
) -> tuple[list[RankedVenture], list[TieBreakStep]]:
    """Sort by final score descending; ventures equal at 2 decimals are a tie.

    Ties: mean level on each criterion by priority (going down the whole list), then head to head among shared
    jurors, else deliberation. Ranks are competition ranks (1, 2, 2, 4): ventures in deliberation share one.
    """
    steps: list[TieBreakStep] = []
    rounded = {v: round2(s) for v, s in scores.items()}
    queue = criteria_by_priority(criteria)
    ranking: list[RankedVenture] = []
    for group in _partition_desc(list(scores), rounded):
        for slot in _by_criteria(group, queue, means, totals, steps):
            rank = len(ranking) + 1
            ranking.extend(
                RankedVenture(v, rank, scores[v], slot.tie_break, slot.needs_deliberation, slot.criterion_id)
                for v in slot.venture_ids
            )
    return ranking, steps


def resolve_deliberation(ranked: Sequence[RankedVenture], order: Sequence[int]) -> list[RankedVenture]:
    """Apply the jury's decision on one deliberation group: order lists exactly that group's ventures, best first.

    Ranks inside the group become rank, rank + 1, ...; tie_break_used becomes DELIBERATION.
    """
    wanted = set(order)
    group = {r.venture_id: r for r in ranked if r.venture_id in wanted}
    ranks = {r.rank for r in group.values()}
    if (
        len(wanted) != len(order)
        or len(group) != len(order)
        or len(ranks) != 1
        or not all(r.needs_deliberation for r in group.values())
    ):
        raise ValueError("order must list exactly the ventures of one deliberation group")
    first = ranks.pop()
    if sum(1 for r in ranked if r.rank == first) != len(group):
        raise ValueError("order leaves out part of the deliberation group")
    placed = [RankedVenture(v, first + i, group[v].score, TieBreak.DELIBERATION, False) for i, v in enumerate(order)]
    return [*(r for r in ranked if r.rank < first), *placed, *(r for r in ranked if r.rank > first)]


# ------------------------------------------------------------------------------------- entry point


def compute_results(
    criteria: Sequence[Criterion], sheets: Iterable[Sheet], venture_ids: Iterable[int] | None = None
) -> Results:
    """Everything the results and "cómo se calculó" pages show, from the rubric and the score sheets.

    venture_ids, when given, are the event's eligible ventures: one without a complete sheet is unscored and
    counts as having 0 jurors for the normalization decision. Incomplete sheets are ignored (listed in explain).
    """
    _check_criteria(criteria)
    complete, incomplete = complete_sheets(sheets, criteria)
    totals = totals_by_juror(complete, criteria)
    jurors_per_venture = {v: 0 for v in venture_ids or ()}
    for sheet in complete:
        jurors_per_venture[sheet.venture_id] = jurors_per_venture.get(sheet.venture_id, 0) + 1
    decision = decide_normalization(jurors_per_venture)
    normalize = decision.method == Method.NORMALIZED
    jurors = {j: juror_explain(j, t, normalize) for j, t in sorted(totals.items())}
    used: dict[int, dict[int, Decimal]] = {}
    for j, info in jurors.items():
        for v, x in (info.rescaled if normalize else info.totals).items():
            used.setdefault(v, {})[j] = x
    means = criterion_means(complete, criteria)
    ventures = {v: venture_explain(v, used[v], means[v]) for v in sorted(used)}
    scores = {v: info.score for v, info in ventures.items()}
    ranking, steps = rank_ventures(scores, criteria, means, totals)
    explain = Explain(
        decision,
        sum((c.weight for c in criteria), ZERO),
        tuple(c.id for c in criteria_by_priority(criteria)),
        tuple((s.juror_id, s.venture_id) for s in incomplete),
        jurors,
        ventures,
        tuple(steps),
    )
    return Results(
        decision.method,
        decision.reason,
        scores,
        tuple(ranking),
        {j: info.flags for j, info in jurors.items() if info.flags},
        _outliers(ventures),
        tuple(sorted(v for v, n in jurors_per_venture.items() if n == 0)),
        explain,
    )


# ----------------------------------------------------------------------------------------- allocation


def _blocks(ranked: Sequence[RankedVenture]) -> list[list[RankedVenture]]:
    """Consecutive ventures sharing a place: one venture, or a whole deliberation group."""
    blocks: list[list[RankedVenture]] = []
    for r in ranked:
        if blocks and r.needs_deliberation and blocks[-1][0].needs_deliberation and blocks[-1][0].rank == r.rank:
            blocks[-1].append(r)
        else:
            blocks.append([r])
    return blocks


def _amount(amounts: Mapping[int, Decimal], venture_id: int) -> Decimal:
    amount = amounts.get(venture_id)
    if amount is None or amount <= 0:
        raise ValueError(f"venture {venture_id} has no positive amount")
    return amount


def allocate(ranked: Sequence[RankedVenture], budget: Decimal, amounts: Mapping[int, Decimal]) -> Allocation:
    """Award in strict rank order while the budget allows; stop at the first that does not fit.

    Everyone from there on is the ranked reserve, even a cheaper venture further down that would fit: skipping
    ahead would let a lower-ranked plan win for asking less, against the jury's order. The remainder stays
    unspent for promotions. A deliberation group is awarded whole or not at all; if the cut line would split
    it (some but not all fit), allocation stops before it and reports unresolved_tie.
    """
    if budget < 0:
        raise ValueError("the budget is negative")
    remaining = budget
    winners: list[Award] = []
    blocks = _blocks(ranked)
    for index, block in enumerate(blocks):
        costs = [_amount(amounts, r.venture_id) for r in block]
        if sum(costs, ZERO) <= remaining:
            winners.extend(Award(r.venture_id, r.rank, cost) for r, cost in zip(block, costs, strict=True))
            remaining -= sum(costs, ZERO)
            continue
        reserve = tuple(r for b in blocks[index:] for r in b)
        split = len(block) > 1 and min(costs) <= remaining
        tie = tuple(r.venture_id for r in block) if split else ()
        return Allocation(tuple(winners), reserve, budget - remaining, remaining, block[0].venture_id, tie)
    return Allocation(tuple(winners), (), budget - remaining, remaining, None)


def promote_next(
    reserve: Sequence[RankedVenture], remaining_budget: Decimal, amounts: Mapping[int, Decimal]
) -> RankedVenture | None:
    """The reserve venture to promote after a withdrawal, or None.

    Same rule as allocate: only the head of the reserve may be promoted, and only if its amount fits in
    remaining_budget (the unspent remainder plus what the withdrawal freed); a cheaper venture further down is
    not promoted past it. Raises UnresolvedTie if the head is a deliberation group and any of it fits. Call
    again with the rest of the reserve to promote more while money remains.
    """
    if not reserve:
        return None
    block = _blocks(reserve)[0]
    costs = [_amount(amounts, r.venture_id) for r in block]
    if len(block) > 1:
        if min(costs) <= remaining_budget:
            raise UnresolvedTie([r.venture_id for r in block])
        return None
    return block[0] if costs[0] <= remaining_budget else None
