"""Jury scoring against hand-computed values: totals, normalization, flags, tie-breaks, allocation, promotion.

Formulas: docs/jury-scoring.md. Unless a test says otherwise the rubric is five criteria of weight 1, so a
sheet's total is 5 * (sum of levels - 5) and `levels_for(total)` builds a sheet with that total.
"""

from decimal import Decimal as D

import pytest

from incubator.jury.scoring import (
    Criterion,
    JurorFlag,
    Method,
    RankedVenture,
    Reason,
    Sheet,
    TieBreak,
    UnresolvedTie,
    allocate,
    compute_results,
    juror_explain,
    promote_next,
    rank_ventures,
    resolve_deliberation,
    venture_explain,
    weighted_total,
)

FIVE = [Criterion(i, f"c{i}", D(1), i) for i in range(1, 6)]


def levels_for(total: int) -> dict[int, int]:
    """Levels on FIVE whose weighted total is `total` (a multiple of 5): levels sum to total / 5 + 5."""
    base, extra = divmod(total // 5 + 5, 5)
    return {i + 1: base + (1 if i < extra else 0) for i in range(5)}


def sheets_from(totals: dict[int, dict[int, int]]) -> list[Sheet]:
    return [Sheet(j, v, levels_for(t)) for j, row in totals.items() for v, t in row.items()]


def q(value: D, places: str = "0.0001") -> D:
    return value.quantize(D(places))


# Three jurors x six ventures, every juror scores every venture (raw totals):
#            V1  V2  V3  V4  V5  V6   mean  population sd
#   A (1)    75  65  65  60  50  45   60    sqrt((225+25+25+0+100+225)/6) = sqrt(100) = 10
#   B (2)    60  30  50  35  50  75   50    sqrt((100+400+0+225+0+625)/6) = sqrt(225) = 15
#   C (3)    90  90  80  90  80  80   85    sqrt(6*25/6) = 5
# z = (x - mean) / sd, rescaled 50 + 10 z:
#   A: z 1.5, .5, .5, 0, -1, -1.5            -> 65, 55, 55, 50, 40, 35
#   B: z 2/3, -4/3, 0, -1, 0, 5/3            -> 56.6667, 36.6667, 50, 40, 50, 66.6667
#   C: z 1, 1, -1, 1, -1, -1                 -> 60, 60, 40, 60, 40, 40
# Final (mean of the three rescaled): V1 545/9 = 60.5556, V2 455/9 = 50.5556, V3 145/3 = 48.3333,
#   V4 150/3 = 50, V5 130/3 = 43.3333, V6 425/9 = 47.2222  -> ranking V1, V2, V4, V3, V6, V5.
# Raw means would have been V1 75, V6 66.67, V3 65, V2 = V4 61.67, V5 60: B's wide spread put V6 second.
GRID = {
    1: {1: 75, 2: 65, 3: 65, 4: 60, 5: 50, 6: 45},
    2: {1: 60, 2: 30, 3: 50, 4: 35, 5: 50, 6: 75},
    3: {1: 90, 2: 90, 3: 80, 4: 90, 5: 80, 6: 80},
}


def test_weighted_total_maps_level_1_to_0_and_level_5_to_100():
    assert weighted_total({i: 1 for i in range(1, 6)}, FIVE) == 0
    assert weighted_total({i: 5 for i in range(1, 6)}, FIVE) == 100
    assert weighted_total({i: 3 for i in range(1, 6)}, FIVE) == 50


def test_weighted_total_uses_the_weights():
    # weights 2, 1, 1; levels 5, 3, 1: (2 * 4/4 + 1 * 2/4 + 1 * 0/4) / 4 * 100 = 2.5 / 4 * 100 = 62.5
    criteria = [Criterion(1, "plan", D(2), 1), Criterion(2, "pitch", D(1), 2), Criterion(3, "equipo", D(1), 3)]
    assert weighted_total({1: 5, 2: 3, 3: 1}, criteria) == D("62.5")
    # weights 0.4, 0.35, 0.25 (percent-like); levels 4, 2, 5: (0.4 * .75 + .35 * .25 + .25 * 1) / 1 * 100 = 63.75
    fractions = [Criterion(1, "a", D("0.4"), 1), Criterion(2, "b", D("0.35"), 2), Criterion(3, "c", D("0.25"), 3)]
    assert weighted_total({1: 4, 2: 2, 3: 5}, fractions) == D("63.75")


def test_weighted_total_rejects_an_incomplete_sheet_and_a_level_out_of_range():
    with pytest.raises(ValueError):
        weighted_total({1: 3, 2: 3, 3: 3, 4: 3}, FIVE)
    with pytest.raises(ValueError):
        weighted_total({1: 3, 2: 3, 3: 3, 4: 3, 5: None}, FIVE)
    with pytest.raises(ValueError):
        weighted_total({1: 3, 2: 3, 3: 3, 4: 3, 5: 6}, FIVE)


def test_the_helper_builds_sheets_with_the_intended_totals():
    for total in range(0, 101, 5):
        assert weighted_total(levels_for(total), FIVE) == total


def test_three_jurors_by_six_ventures_are_normalized_per_juror():
    results = compute_results(FIVE, sheets_from(GRID))
    assert (results.method, results.reason) == (Method.NORMALIZED, Reason.ENOUGH_DATA)
    jurors = results.explain.jurors
    assert [(jurors[j].mean, jurors[j].sd) for j in (1, 2, 3)] == [(60, 10), (50, 15), (85, 5)]
    assert [jurors[1].z[v] for v in range(1, 7)] == [D("1.5"), D("0.5"), D("0.5"), 0, -1, D("-1.5")]
    assert [jurors[1].rescaled[v] for v in range(1, 7)] == [65, 55, 55, 50, 40, 35]
    assert [q(jurors[2].rescaled[v]) for v in range(1, 7)] == [
        D("56.6667"),
        D("36.6667"),
        D("50.0000"),
        D("40.0000"),
        D("50.0000"),
        D("66.6667"),
    ]
    assert [jurors[3].rescaled[v] for v in range(1, 7)] == [60, 60, 40, 60, 40, 40]
    assert {v: q(s) for v, s in results.scores.items()} == {
        1: D("60.5556"),
        2: D("50.5556"),
        3: D("48.3333"),
        4: D("50.0000"),
        5: D("43.3333"),
        6: D("47.2222"),
    }
    assert [r.venture_id for r in results.ranking] == [1, 2, 4, 3, 6, 5]
    assert [r.rank for r in results.ranking] == [1, 2, 3, 4, 5, 6]
    assert results.juror_flags == {}  # C's sd is exactly 5: not below the low-variance threshold


def test_outliers_use_k_times_mad_with_a_ten_point_floor():
    # Rescaled scores per venture (A, B, C), median, MAD, threshold max(2.5 MAD, 10):
    #   V2: 55, 36.67, 60 -> median 55, |dev| 0, 18.33, 5 -> MAD 5 -> 12.5: B flagged (18.33)
    #   V6: 35, 66.67, 40 -> median 40, |dev| 5, 26.67, 0 -> MAD 5 -> 12.5: B flagged (26.67)
    #   V4: 50, 40, 60    -> median 50, MAD 10 -> 25: none
    #   V5: 40, 50, 40    -> median 40, MAD 0 -> 10: B is exactly 10 away, not more: none
    results = compute_results(FIVE, sheets_from(GRID))
    assert [(o.juror_id, o.venture_id, q(o.distance, "0.01"), o.threshold) for o in results.outliers] == [
        (2, 2, D("18.33"), D("12.5")),
        (2, 6, D("26.67"), D("12.5")),
    ]
    v5 = results.explain.ventures[5]
    assert (v5.median, v5.mad, v5.outlier_threshold, v5.outlier_jurors) == (40, 0, 10, ())
    assert results.explain.ventures[4].outlier_threshold == 25


def test_an_outlier_on_raw_scores_and_when_the_mad_is_zero():
    # 60, 65, 95: median 65, |dev| 5, 0, 30 -> MAD 5 -> threshold 12.5 -> juror 3 (30 away)
    assert venture_explain(1, {1: D(60), 2: D(65), 3: D(95)}, {}).outlier_jurors == (3,)
    # 70, 70, 85: MAD 0 -> threshold is the 10-point floor -> 15 away is flagged; 70, 70, 80 is not
    assert venture_explain(1, {1: D(70), 2: D(70), 3: D(85)}, {}).outlier_jurors == (3,)
    assert venture_explain(1, {1: D(70), 2: D(70), 3: D(80)}, {}).outlier_jurors == ()
    # 60, 61, 65: MAD 1 would give 2.5, but the floor keeps 4 points from being an outlier
    assert venture_explain(1, {1: D(60), 2: D(61), 3: D(65)}, {}).outlier_jurors == ()


def test_a_flat_juror_is_flagged_and_counts_as_fifty_everywhere():
    # D (4) gives every venture 70: sd 0 -> z = 0 -> 50, flagged no_spread and low_variance.
    # V1 = (65 + 56.6667 + 60 + 50) / 4 = (545/3 + 50) / 4 = 695/12 = 57.9167
    grid = {**GRID, 4: dict.fromkeys(range(1, 7), 70)}
    results = compute_results(FIVE, sheets_from(grid))
    assert results.method == Method.NORMALIZED
    assert results.juror_flags == {4: frozenset({JurorFlag.NO_SPREAD, JurorFlag.LOW_VARIANCE})}
    assert set(results.explain.jurors[4].rescaled.values()) == {50}
    assert q(results.scores[1]) == D("57.9167")


def test_low_variance_needs_three_ventures_and_an_sd_below_five():
    # 60, 65, 60, 65: mean 62.5, sd 2.5 -> flagged; 60, 60 (two ventures) -> not; 55, 65, 55, 65: sd 5 -> not
    assert juror_explain(1, {1: D(60), 2: D(65), 3: D(60), 4: D(65)}, False).flags == {JurorFlag.LOW_VARIANCE}
    assert juror_explain(1, {1: D(60), 2: D(60)}, False).flags == frozenset()
    assert juror_explain(1, {1: D(55), 2: D(65), 3: D(55), 4: D(65)}, False).flags == frozenset()


def test_five_ventures_are_not_normalized_and_use_raw_means():
    # Drop V6: raw means V1 (75+60+90)/3 = 75, V2 (65+30+90)/3 = 61.67, V3 65, V4 61.67, V5 60
    grid = {j: {v: t for v, t in row.items() if v != 6} for j, row in GRID.items()}
    results = compute_results(FIVE, sheets_from(grid))
    assert (results.method, results.reason) == (Method.RAW, Reason.TOO_FEW_VENTURES)
    assert {v: q(s, "0.01") for v, s in results.scores.items()} == {
        1: D(75),
        2: D("61.67"),
        3: D(65),
        4: D("61.67"),
        5: D(60),
    }
    assert results.explain.jurors[1].rescaled == {}


def test_an_incomplete_sheet_does_not_count_as_a_juror():
    sheets = sheets_from(GRID)
    sheets = [s if (s.juror_id, s.venture_id) != (3, 4) else Sheet(3, 4, {1: 5, 2: 5, 3: None}) for s in sheets]
    results = compute_results(FIVE, sheets)
    assert (results.method, results.reason) == (Method.RAW, Reason.TOO_FEW_JURORS)
    assert results.explain.decision.short_ventures == (4,)
    assert results.explain.ignored_sheets == ((3, 4),)
    assert results.scores[4] == D("47.5")  # (60 + 35) / 2


def test_an_eligible_venture_without_sheets_blocks_normalization_and_is_not_ranked():
    results = compute_results(FIVE, sheets_from(GRID), venture_ids=range(1, 8))
    assert (results.method, results.reason) == (Method.RAW, Reason.TOO_FEW_JURORS)
    assert results.unscored == (7,)
    assert 7 not in {r.venture_id for r in results.ranking}


def test_few_ventures_and_few_jurors_are_both_reported():
    results = compute_results(FIVE, sheets_from({1: {1: 50, 2: 60}, 2: {1: 55}}))
    assert results.reason == Reason.TOO_FEW_VENTURES_AND_JURORS


def test_two_sheets_from_one_juror_for_one_venture_are_refused():
    with pytest.raises(ValueError):
        compute_results(FIVE, [Sheet(1, 1, levels_for(50)), Sheet(1, 1, levels_for(60))])


# Tie-breaks (raw totals: too few ventures to normalize).


def test_a_tie_is_broken_by_the_highest_weight_criterion():
    # weights plan 2, pitch 1. X: (5, 1) -> (2*4/4 + 0) / 3 * 100 = 66.67; Y: (3, 5) -> (2*2/4 + 4/4) / 3 * 100
    # = 66.67. Tied; plan means 5 vs 3 -> X first. Pitch comes first in the rubric's order, but weight counts
    # first (by pitch, Y would have won 5 to 1).
    criteria = [Criterion(1, "plan", D(2), 2), Criterion(2, "pitch", D(1), 1)]
    results = compute_results(criteria, [Sheet(9, 1, {1: 5, 2: 1}), Sheet(9, 2, {1: 3, 2: 5})])
    assert [(r.venture_id, r.rank, r.tie_break_used, r.tie_break_criterion_id) for r in results.ranking] == [
        (1, 1, TieBreak.CRITERION, 1),
        (2, 2, TieBreak.CRITERION, 1),
    ]
    assert results.explain.tie_breaks[0].values == {1: D("5.00"), 2: D("3.00")}


@pytest.mark.parametrize(("pitch_order", "winner"), [(2, 1), (4, 2)])
def test_the_tie_break_goes_down_the_criteria_and_equal_weights_follow_the_rubric_order(pitch_order, winner):
    # weights plan 2, pitch 1, equipo 1 (equipo has order 3). X: (3, 4, 2), Y: (3, 2, 4): both (4 + 3 + 1) / 16
    # * 100 = 50. Plan 3 = 3 -> next criterion: pitch when it comes before equipo (X wins 4 > 2), else equipo
    # (Y wins 4 > 2).
    criteria = [
        Criterion(1, "plan", D(2), 1),
        Criterion(2, "pitch", D(1), pitch_order),
        Criterion(3, "equipo", D(1), 3),
    ]
    results = compute_results(criteria, [Sheet(9, 1, {1: 3, 2: 4, 3: 2}), Sheet(9, 2, {1: 3, 2: 2, 3: 4})])
    assert results.scores == {1: 50, 2: 50}
    assert results.ranking[0].venture_id == winner
    assert [step.criterion_id for step in results.explain.tie_breaks] == [1, 2 if pitch_order == 2 else 3]


def test_ties_are_judged_on_two_decimals():
    # 69.996 and 70.004 both show as 70.00: the criterion decides, even for the lower unrounded score.
    criteria = [Criterion(1, "plan", D(1), 1)]
    ranked, _ = rank_ventures({1: D("70.004"), 2: D("69.996")}, criteria, {1: {1: D(3)}, 2: {1: D(4)}}, {})
    assert [r.venture_id for r in ranked] == [2, 1]


def test_a_tie_on_every_criterion_goes_to_the_head_to_head_majority():
    # One criterion. Levels by jurors 1, 2, 3: X 5, 5, 2 (totals 100, 100, 25, mean 75, level mean 4);
    # Y 4, 4, 4 (75 each, mean 75, level mean 4). Head to head: jurors 1 and 2 prefer X, juror 3 Y -> X 2-1.
    criteria = [Criterion(1, "plan", D(1), 1)]
    sheets = [Sheet(j, 1, {1: lvl}) for j, lvl in ((1, 5), (2, 5), (3, 2))] + [Sheet(j, 2, {1: 4}) for j in (1, 2, 3)]
    results = compute_results(criteria, sheets)
    assert [(r.venture_id, r.rank, r.tie_break_used) for r in results.ranking] == [
        (1, 1, TieBreak.HEAD_TO_HEAD),
        (2, 2, TieBreak.HEAD_TO_HEAD),
    ]
    pair = results.explain.tie_breaks[-1].pairs[0]
    assert (pair.shared_jurors, pair.a_higher, pair.b_higher) == ((1, 2, 3), 2, 1)


def test_a_head_to_head_draw_needs_deliberation_and_both_keep_the_rank():
    # X: juror 1 level 5, juror 2 level 2; Y: juror 1 level 2, juror 2 level 5 -> both 62.5, level mean 3.5,
    # head to head 1-1. Z: 3 and 3 -> 50, third: competition rank 3.
    criteria = [Criterion(1, "plan", D(1), 1)]
    sheets = [
        Sheet(1, 1, {1: 5}),
        Sheet(2, 1, {1: 2}),
        Sheet(1, 2, {1: 2}),
        Sheet(2, 2, {1: 5}),
        Sheet(1, 3, {1: 3}),
        Sheet(2, 3, {1: 3}),
    ]
    results = compute_results(criteria, sheets)
    assert [(r.venture_id, r.rank, r.needs_deliberation) for r in results.ranking] == [
        (1, 1, True),
        (2, 1, True),
        (3, 3, False),
    ]


def test_a_head_to_head_cycle_needs_deliberation():
    # Juror 1: X 5, Y 4, Z 3; juror 2: Y 5, Z 4, X 3; juror 3: Z 5, X 4, Y 3. Every venture: levels {3, 4, 5},
    # mean 75. X beats Y 2-1, Y beats Z 2-1, Z beats X 2-1: no venture beats both others.
    criteria = [Criterion(1, "plan", D(1), 1)]
    prefs = {1: {1: 5, 2: 4, 3: 3}, 2: {2: 5, 3: 4, 1: 3}, 3: {3: 5, 1: 4, 2: 3}}
    results = compute_results(criteria, [Sheet(j, v, {1: lvl}) for j, row in prefs.items() for v, lvl in row.items()])
    assert [(r.venture_id, r.rank, r.needs_deliberation) for r in results.ranking] == [
        (1, 1, True),
        (2, 1, True),
        (3, 1, True),
    ]


def test_the_jury_decision_resolves_a_deliberation_group():
    ranked = [
        RankedVenture(1, 1, D(60), None, True),
        RankedVenture(2, 1, D(60), None, True),
        RankedVenture(3, 3, D(50), None, False),
    ]
    resolved = resolve_deliberation(ranked, [2, 1])
    assert [(r.venture_id, r.rank, r.tie_break_used, r.needs_deliberation) for r in resolved] == [
        (2, 1, TieBreak.DELIBERATION, False),
        (1, 2, TieBreak.DELIBERATION, False),
        (3, 3, None, False),
    ]
    with pytest.raises(ValueError):
        resolve_deliberation(ranked, [1])


# Allocation and promotion.


def ranked_list(*ids: int) -> list[RankedVenture]:
    return [RankedVenture(v, i + 1, D(90 - i), None, False) for i, v in enumerate(ids)]


def test_a_fixed_700_goes_down_the_ranking_while_the_budget_allows():
    # 2000 / 700: two winners (1400), 600 left, three in reserve in rank order.
    ranked = ranked_list(1, 2, 3, 4, 5)
    result = allocate(ranked, D(2000), dict.fromkeys(range(1, 6), D(700)))
    assert [(w.venture_id, w.amount) for w in result.winners] == [(1, 700), (2, 700)]
    assert [r.venture_id for r in result.reserve] == [3, 4, 5]
    assert (result.spent, result.remaining, result.stopped_at) == (1400, 600, 3)


def test_requested_amounts_stop_at_the_first_that_does_not_fit():
    # 2000: A 900 (1100 left), B 800 (300 left), C 500 does not fit -> stop. D (200) would fit but stays in
    # reserve behind C: a lower rank does not win for asking less.
    amounts = {1: D(900), 2: D(800), 3: D(500), 4: D(200)}
    result = allocate(ranked_list(1, 2, 3, 4), D(2000), amounts)
    assert [w.venture_id for w in result.winners] == [1, 2]
    assert [r.venture_id for r in result.reserve] == [3, 4]
    assert (result.remaining, result.stopped_at, result.unresolved_tie) == (300, 3, ())


def test_allocation_refuses_to_cut_through_an_unresolved_tie():
    ranked = [
        RankedVenture(1, 1, D(80), None, False),
        RankedVenture(2, 2, D(70), None, True),
        RankedVenture(3, 2, D(70), None, True),
        RankedVenture(4, 4, D(60), None, False),
    ]
    amounts = dict.fromkeys(range(1, 5), D(700))
    # 2000: after V1, 1300 left: one of V2/V3 would fit, not both -> stop before them and report the tie.
    cut = allocate(ranked, D(2000), amounts)
    assert ([w.venture_id for w in cut.winners], cut.unresolved_tie, cut.remaining) == ([1], (2, 3), 1300)
    assert [r.venture_id for r in cut.reserve] == [2, 3, 4]
    # 2100: both fit -> both win; V4 does not fit.
    whole = allocate(ranked, D(2100), amounts)
    assert ([w.venture_id for w in whole.winners], whole.unresolved_tie, whole.remaining) == ([1, 2, 3], (), 0)


def test_a_withdrawal_promotes_the_first_on_the_reserve_list():
    # Fixed 700, budget 2000: winners V1, V2, 600 left. V1 withdraws: 600 + 700 = 1300 -> V3 is promoted.
    amounts = dict.fromkeys(range(1, 6), D(700))
    allocation = allocate(ranked_list(1, 2, 3, 4, 5), D(2000), amounts)
    promoted = promote_next(allocation.reserve, allocation.remaining + D(700), amounts)
    assert promoted is not None and promoted.venture_id == 3
    assert promote_next(allocation.reserve, allocation.remaining, amounts) is None  # 600 < 700
    assert promote_next((), D(5000), amounts) is None


def test_promotion_does_not_skip_a_reserve_venture_that_does_not_fit():
    # Requested amounts, reserve C 500, D 200. With 300 free, C does not fit and D is not promoted past it;
    # with 1200 free (A's 900 back), C is promoted.
    amounts = {3: D(500), 4: D(200)}
    reserve = ranked_list(3, 4)
    assert promote_next(reserve, D(300), amounts) is None
    assert promote_next(reserve, D(1200), amounts).venture_id == 3


def test_promotion_refuses_to_pick_inside_an_unresolved_tie():
    reserve = [RankedVenture(2, 2, D(70), None, True), RankedVenture(3, 2, D(70), None, True)]
    with pytest.raises(UnresolvedTie) as error:
        promote_next(reserve, D(700), dict.fromkeys((2, 3), D(700)))
    assert error.value.venture_ids == (2, 3)
