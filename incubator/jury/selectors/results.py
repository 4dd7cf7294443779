"""Reads for pitch results: the scoring inputs from the database, the coordinator's ranking and explain pages, a
juror's view after close, a team's private result and the audit log. Each builds in a fixed number of queries,
whatever the number of ventures and jurors."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from incubator.jury import scoring
from incubator.jury.models import (
    Assignment,
    AuditEntry,
    Award,
    Criterion,
    Entry,
    PitchEvent,
    Result,
    Score,
    ScoreSheet,
)

# What the results page says about the method, one whole sentence per scoring.Reason.
METHOD_SENTENCES = {
    scoring.Reason.ENOUGH_DATA: _(
        "Se normalizaron las notas por jurado porque hay al menos seis emprendimientos y cada uno tiene al menos "
        "tres jurados: la nota de cada jurado se compara con su propia forma de calificar."
    ),
    scoring.Reason.TOO_FEW_VENTURES: _(
        "Se usaron los totales sin normalizar porque hay menos de seis emprendimientos."
    ),
    scoring.Reason.TOO_FEW_JURORS: _(
        "Se usaron los totales sin normalizar porque hay emprendimientos con menos de tres jurados."
    ),
    scoring.Reason.TOO_FEW_VENTURES_AND_JURORS: _(
        "Se usaron los totales sin normalizar porque hay menos de seis emprendimientos y algunos tienen menos de "
        "tres jurados."
    ),
}
TIE_BREAK_LABELS: dict[str, Promise] = {
    scoring.TieBreak.CRITERION: _("Desempate por criterio"),
    scoring.TieBreak.HEAD_TO_HEAD: _("Desempate por jurados en común"),
    scoring.TieBreak.DELIBERATION: _("Orden decidido por el jurado"),
}


def tie_break_code(ranked: scoring.RankedVenture) -> str:
    """What Result.tie_break stores: 'criterion:<id>', 'head_to_head', 'deliberation' or ''."""
    if ranked.tie_break_used is None:
        return ""
    if ranked.tie_break_used == scoring.TieBreak.CRITERION:
        return f"criterion:{ranked.tie_break_criterion_id}"
    return str(ranked.tie_break_used)


def tie_break_label(code: str, criteria_names: dict[int, str]) -> str:
    if code.startswith("criterion:"):
        name = criteria_names.get(int(code.split(":", 1)[1]), "")
        return str(_("Desempate por el criterio «%(criterion)s»") % {"criterion": name})
    return str(TIE_BREAK_LABELS.get(code, ""))


# ------------------------------------------------------------------------------------------ scoring inputs


@dataclass(frozen=True)
class ScoringInputs:
    criteria: list[scoring.Criterion]
    sheets: list[scoring.Sheet]  # submitted sheets of active assignments (complete or not)
    entries: dict[int, Entry]  # the ranked entries (no calibration), with venture and stored result
    complete_counts: dict[int, int]  # entry -> complete sheets

    @property
    def criteria_names(self) -> dict[int, str]:
        return {c.id: c.name for c in self.criteria}

    @property
    def stored_results(self) -> dict[int, Result]:
        return {e.pk: e.result for e in self.entries.values() if _stored_result(e) is not None}


def _stored_result(entry: Entry) -> Result | None:
    try:
        return entry.result
    except Result.DoesNotExist:
        return None


def scoring_inputs_for(*, event: PitchEvent) -> ScoringInputs:
    """Three queries: the rubric's criteria, the entries (venture, result), the levels of counted sheets.

    A sheet counts when its assignment is active (not pending, not recused) and the juror submitted it; the
    scoring module then drops incomplete ones. Calibration entries are never ranked. Entry ids are the
    scoring module's venture ids.
    """
    criteria = [
        scoring.Criterion(c.pk, c.name, c.weight, c.sort_order or 0)
        for c in Criterion.objects.filter(rubric_id=event.rubric_id).order_by("sort_order", "id")
    ]
    entries = {
        e.pk: e
        for e in Entry.objects.filter(event=event, is_calibration=False)
        .select_related("venture", "result")
        .order_by("id")
    }
    rows = Score.objects.filter(
        sheet__assignment__entry__event=event,
        sheet__assignment__entry__is_calibration=False,
        sheet__assignment__status=Assignment.Status.ACTIVE,
        sheet__submitted_at__isnull=False,
    ).values_list("sheet__assignment__juror_id", "sheet__assignment__entry_id", "criterion_id", "level")
    levels: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    for juror_id, entry_id, criterion_id, level in rows:
        levels[(juror_id, entry_id)][criterion_id] = level
    sheets = [scoring.Sheet(j, e, lv) for (j, e), lv in sorted(levels.items())]
    complete_counts = dict.fromkeys(entries, 0)
    for sheet in sheets:
        if scoring.is_complete(sheet.levels, criteria):
            complete_counts[sheet.venture_id] = complete_counts.get(sheet.venture_id, 0) + 1
    return ScoringInputs(criteria, sheets, entries, complete_counts)


def ranking_with_deliberations(ranking, stored: dict[int, Result]) -> list[scoring.RankedVenture]:
    """Re-apply the jury's recorded order to each tie that still needs deliberation.

    A recorded order counts only while every venture of today's tied group carries it (tie_break
    'deliberation' on its stored result): if the group changed (a new tie partner), the jury decides again.
    """
    ranked = list(ranking)
    groups: dict[int, list[int]] = defaultdict(list)
    for r in ranked:
        if r.needs_deliberation:
            groups[r.rank].append(r.venture_id)
    for ids in groups.values():
        previous = [stored.get(v) for v in ids]
        if all(p is not None and p.tie_break == scoring.TieBreak.DELIBERATION for p in previous):
            order = [p.entry_id for p in sorted(cast(list[Result], previous), key=lambda p: (p.rank, p.entry_id))]
            ranked = scoring.resolve_deliberation(ranked, order)
    return ranked


@dataclass(frozen=True)
class Live:
    """The results as computed now from the sheets, with the jury's deliberations applied."""

    inputs: ScoringInputs
    results: scoring.Results
    ranking: list[scoring.RankedVenture]


def results_live(*, event: PitchEvent) -> Live:
    inputs = scoring_inputs_for(event=event)
    results = scoring.compute_results(inputs.criteria, inputs.sheets, list(inputs.entries))
    return Live(inputs, results, ranking_with_deliberations(results.ranking, inputs.stored_results))


def deliberation_groups(ranking) -> list[list[int]]:
    """Entry ids of each tie the jury still has to order, best rank first."""
    groups: dict[int, list[int]] = defaultdict(list)
    for r in ranking:
        if r.needs_deliberation:
            groups[r.rank].append(r.venture_id)
    return [groups[rank] for rank in sorted(groups)]


# ----------------------------------------------------------------------------------------- coordination


def _people(ids) -> dict[int, str]:
    ids = set(ids)
    if not ids:
        return {}
    return {u.pk: u.display_name for u in get_user_model().objects.filter(pk__in=ids)}


@dataclass(frozen=True)
class OutlierNote:
    """A juror's score far from the median of one venture (the juror named for the coordination only)."""

    juror: str
    score: Decimal
    median: Decimal
    distance: Decimal
    threshold: Decimal


@dataclass(frozen=True)
class FlatJuror:
    juror: str
    sd: Decimal
    no_spread: bool


@dataclass(frozen=True)
class ShortEntry:
    """An entry with fewer than three complete sheets: the event cannot close yet."""

    entry: Entry
    count: int


@dataclass(frozen=True)
class ResultRow:
    entry: Entry
    rank: int
    score: Decimal
    tie_break: str
    needs_deliberation: bool
    complete_sheets: int
    outcome: str = ""
    outcome_label: str = ""
    reserve_position: int | None = None
    award: Award | None = None
    outliers: tuple[OutlierNote, ...] = ()


@dataclass(frozen=True)
class ResultsPage:
    event: PitchEvent
    method_sentence: str
    rows: list[ResultRow]
    unscored: list[Entry]
    short_entries: list[ShortEntry]
    flat_jurors: list[FlatJuror]  # jurors whose scores barely vary
    deliberation: list[list[Entry]]  # ties the jury still has to order
    winners: list[ResultRow]
    reserve: list[ResultRow]
    withdrawn_awards: list[Award]
    spent: Decimal
    remaining: Decimal
    stored: bool  # rows come from the stored (closed) results, not from a preview


def _awards_of(event: PitchEvent) -> list[Award]:
    return list(Award.objects.filter(entry__event=event).select_related("entry__venture").order_by("created_at", "id"))


def _outliers_by_entry(results: scoring.Results, names: dict[int, str]) -> dict[int, tuple[OutlierNote, ...]]:
    found: dict[int, list[OutlierNote]] = defaultdict(list)
    for o in results.outliers:
        found[o.venture_id].append(OutlierNote(names.get(o.juror_id, ""), o.score, o.median, o.distance, o.threshold))
    return {venture: tuple(notes) for venture, notes in found.items()}


def _stored_rows(
    inputs: ScoringInputs, active: dict[int, Award], outliers: dict[int, tuple[OutlierNote, ...]]
) -> list[ResultRow]:
    """The rows as the close stored them, in rank order."""
    entries = sorted(
        (e for e in inputs.entries.values() if _stored_result(e) is not None), key=lambda e: (e.result.rank, e.pk)
    )
    return [
        ResultRow(
            e,
            e.result.rank,
            e.result.score,
            tie_break_label(e.result.tie_break, inputs.criteria_names),
            e.result.needs_deliberation,
            inputs.complete_counts.get(e.pk, 0),
            e.result.outcome,
            str(e.result.get_outcome_display()),
            e.result.reserve_position,
            active.get(e.pk),
            outliers.get(e.pk, ()),
        )
        for e in entries
    ]


def _live_rows(live: Live, outliers: dict[int, tuple[OutlierNote, ...]]) -> list[ResultRow]:
    """The rows as computed now (a preview before close)."""
    inputs = live.inputs
    return [
        ResultRow(
            inputs.entries[r.venture_id],
            r.rank,
            scoring.round2(r.score),
            tie_break_label(tie_break_code(r), inputs.criteria_names),
            r.needs_deliberation,
            inputs.complete_counts.get(r.venture_id, 0),
            outliers=outliers.get(r.venture_id, ()),
        )
        for r in live.ranking
    ]


def _flat_jurors(results: scoring.Results, names: dict[int, str]) -> list[FlatJuror]:
    return [
        FlatJuror(names.get(j, ""), results.explain.jurors[j].sd, scoring.JurorFlag.NO_SPREAD in flags)
        for j, flags in sorted(results.juror_flags.items())
    ]


def _reserve(rows: list[ResultRow]) -> list[ResultRow]:
    return sorted(
        (row for row in rows if row.outcome == Result.Outcome.RESERVE),
        key=lambda row: (row.reserve_position or 0, row.rank),
    )


def results_page(*, event: PitchEvent) -> ResultsPage:
    """The ranking table with flags, winners and reserve: five queries after the event."""
    live = results_live(event=event)
    inputs, results = live.inputs, live.results
    awards = _awards_of(event)
    active = {a.entry_id: a for a in awards if a.status == Award.Status.ACTIVE}
    names = _people({o.juror_id for o in results.outliers} | set(results.juror_flags))
    outliers = _outliers_by_entry(results, names)
    stored = event.is_closed and all(
        _stored_result(e) is not None for e in inputs.entries.values() if e.pk in results.scores
    )
    rows = _stored_rows(inputs, active, outliers) if stored else _live_rows(live, outliers)
    spent = sum((a.amount for a in active.values()), Decimal(0))
    return ResultsPage(
        event=event,
        method_sentence=str(METHOD_SENTENCES[results.reason]),
        rows=rows,
        unscored=[inputs.entries[v] for v in results.unscored],
        short_entries=[
            ShortEntry(inputs.entries[v], n)
            for v, n in inputs.complete_counts.items()
            if n < scoring.MIN_JURORS_TO_NORMALIZE
        ],
        flat_jurors=_flat_jurors(results, names),
        deliberation=[[inputs.entries[v] for v in g] for g in deliberation_groups(live.ranking)],
        winners=[row for row in rows if row.outcome == Result.Outcome.WINNER],
        reserve=_reserve(rows),
        withdrawn_awards=[a for a in awards if a.status == Award.Status.WITHDRAWN],
        spent=spent,
        remaining=event.total_budget - spent,
        stored=stored,
    )


# -------------------------------------------------------------------------------------- explain page


@dataclass(frozen=True)
class Names:
    """Display names for the explain page: jurors (people) and ventures (entries), by id."""

    people: dict[int, str]
    ventures: dict[int, str]

    def juror(self, pk: int) -> str:
        return self.people.get(pk, "")

    def venture(self, pk: int) -> str:
        return self.ventures.get(pk, str(pk))


@dataclass(frozen=True)
class CriterionLine:
    name: str
    weight: Decimal
    priority: int  # 1 = tried first in a tie


@dataclass(frozen=True)
class VentureCount:
    venture: str
    count: int


@dataclass(frozen=True)
class IgnoredSheet:
    juror: str
    venture: str


@dataclass(frozen=True)
class JurorTotal:
    venture: str
    total: Decimal
    z: Decimal | None
    rescaled: Decimal | None


@dataclass(frozen=True)
class JurorLine:
    name: str
    mean: Decimal
    sd: Decimal
    low_variance: bool
    no_spread: bool
    rows: list[JurorTotal]


@dataclass(frozen=True)
class VentureScore:
    juror: str
    value: Decimal
    outlier: bool
    distance: Decimal


@dataclass(frozen=True)
class CriterionMean:
    criterion: str
    mean: Decimal


@dataclass(frozen=True)
class VentureLine:
    venture: str
    score: Decimal
    median: Decimal
    mad: Decimal
    threshold: Decimal
    scores: list[VentureScore]
    criterion_means: list[CriterionMean]


@dataclass(frozen=True)
class TieValue:
    venture: str
    value: Decimal


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    shared: int
    a_higher: int
    b_higher: int


@dataclass(frozen=True)
class TieBreakLine:
    ventures: list[str]
    kind: scoring.TieBreak
    criterion: str  # the criterion compared; "" for head to head
    values: list[TieValue]
    pairs: list[Pair]
    outcome: list[list[str]]  # the ordered sub-groups

    @property
    def by_criterion(self) -> bool:
        return self.kind == scoring.TieBreak.CRITERION


@dataclass(frozen=True)
class Placed:
    rank: int
    venture: str
    score: Decimal | None = None
    needs_deliberation: bool = False


@dataclass(frozen=True)
class AllocationStep:
    rank: int
    venture: str
    award: Award | None
    withdrawn: bool
    remaining: Decimal
    requested: Decimal | None


@dataclass(frozen=True)
class AllocationLines:
    budget: Decimal
    steps: list[AllocationStep]
    remaining: Decimal
    fixed: bool
    fixed_amount: Decimal | None
    has_awards: bool


@dataclass(frozen=True)
class Constants:
    """The scoring module's thresholds, as the page quotes them."""

    k: Decimal = scoring.OUTLIER_K
    min_gap: Decimal = scoring.OUTLIER_MIN_GAP
    low_sd: Decimal = scoring.LOW_VARIANCE_SD
    low_min: int = scoring.LOW_VARIANCE_MIN_VENTURES
    center: Decimal = scoring.RESCALE_CENTER
    spread: Decimal = scoring.RESCALE_SPREAD


@dataclass(frozen=True)
class ExplainPage:
    event: PitchEvent
    method: scoring.Method
    normalized: bool
    method_sentence: str
    decision: scoring.NormalizationDecision
    jurors_per_venture: list[VentureCount]
    criteria: list[CriterionLine]
    weight_sum: Decimal
    jurors: list[JurorLine]
    ventures: list[VentureLine]
    tie_breaks: list[TieBreakLine]
    deliberated: list[Placed]
    ignored: list[IgnoredSheet]
    ranking: list[Placed]
    allocation: AllocationLines
    constants: Constants


def _juror_line(info: scoring.JurorExplain, names: Names) -> JurorLine:
    return JurorLine(
        names.juror(info.juror_id),
        info.mean,
        info.sd,
        scoring.JurorFlag.LOW_VARIANCE in info.flags,
        scoring.JurorFlag.NO_SPREAD in info.flags,
        [
            JurorTotal(names.venture(v), total, info.z.get(v), info.rescaled.get(v))
            for v, total in sorted(info.totals.items())
        ],
    )


def _venture_line(info: scoring.VentureExplain, names: Names, criteria: dict[int, str]) -> VentureLine:
    scores = [
        VentureScore(names.juror(j), x, j in info.outlier_jurors, abs(x - info.median))
        for j, x in sorted(info.scores.items())
    ]
    means = [CriterionMean(criteria[c], m) for c, m in info.criterion_means.items()]
    return VentureLine(
        names.venture(info.venture_id), info.score, info.median, info.mad, info.outlier_threshold, scores, means
    )


def _tie_break_line(step: scoring.TieBreakStep, names: Names, criteria: dict[int, str]) -> TieBreakLine:
    return TieBreakLine(
        ventures=[names.venture(v) for v in step.venture_ids],
        kind=step.kind,
        criterion=criteria[step.criterion_id] if step.criterion_id else "",
        values=[TieValue(names.venture(v), x) for v, x in step.values.items()],
        pairs=[
            Pair(names.venture(p.a), names.venture(p.b), len(p.shared_jurors), p.a_higher, p.b_higher)
            for p in step.pairs
        ],
        outcome=[[names.venture(v) for v in part] for part in step.outcome],
    )


def explain_page(*, event: PitchEvent) -> ExplainPage:
    """Every step of the computation with its numbers, from the scoring module's Explain: four queries."""
    live = results_live(event=event)
    inputs, results = live.inputs, live.results
    explain = results.explain
    names = Names(_people(explain.jurors), {pk: str(e) for pk, e in inputs.entries.items()})
    criteria = inputs.criteria_names
    return ExplainPage(
        event=event,
        method=results.method,
        normalized=results.method == scoring.Method.NORMALIZED,
        method_sentence=str(METHOD_SENTENCES[results.reason]),
        decision=explain.decision,
        jurors_per_venture=[
            VentureCount(names.venture(v), n) for v, n in sorted(explain.decision.jurors_per_venture.items())
        ],
        criteria=[
            CriterionLine(c.name, c.weight, explain.criteria_by_priority.index(c.id) + 1) for c in inputs.criteria
        ],
        weight_sum=explain.weight_sum,
        jurors=[_juror_line(info, names) for info in explain.jurors.values()],
        ventures=[
            _venture_line(info, names, criteria)
            for info in sorted(explain.ventures.values(), key=lambda info: -info.score)
        ],
        tie_breaks=[_tie_break_line(step, names, criteria) for step in explain.tie_breaks],
        deliberated=[
            Placed(r.rank, names.venture(r.venture_id))
            for r in live.ranking
            if r.tie_break_used == scoring.TieBreak.DELIBERATION
        ],
        ignored=[IgnoredSheet(names.juror(j), names.venture(v)) for j, v in explain.ignored_sheets],
        ranking=[Placed(r.rank, names.venture(r.venture_id), r.score, r.needs_deliberation) for r in live.ranking],
        allocation=allocation_steps(event=event, ranking=live.ranking, entries=inputs.entries),
        constants=Constants(),
    )


def allocation_steps(*, event: PitchEvent, ranking, entries: dict[int, Entry]) -> AllocationLines:
    """The budget as it runs down the ranking, from the awards as they stand (one query)."""
    awards = _awards_of(event)
    active = {a.entry_id: a for a in awards if a.status == Award.Status.ACTIVE}
    withdrawn = {a.entry_id for a in awards if a.status == Award.Status.WITHDRAWN} - set(active)
    remaining = event.total_budget
    steps = []
    for r in ranking:
        award = active.get(r.venture_id)
        if award is not None:
            remaining -= award.amount
        steps.append(
            AllocationStep(
                r.rank,
                str(entries[r.venture_id]),
                award,
                r.venture_id in withdrawn,
                remaining,
                entries[r.venture_id].requested_amount,
            )
        )
    return AllocationLines(
        budget=event.total_budget,
        steps=steps,
        remaining=remaining,
        fixed=event.award_rule == PitchEvent.AwardRule.FIXED,
        fixed_amount=event.fixed_amount,
        has_awards=bool(awards),
    )


def audit_log(*, event: PitchEvent) -> list[AuditEntry]:
    """The event's log, oldest first, with who did it and about which entry and juror: one query."""
    return list(event.audit_entries.select_related("actor", "juror", "entry__venture").order_by("created_at", "id"))


# ------------------------------------------------------------------------------------------------ jurors


def event_for_juror_after_close_or_404(*, user, event_id: int) -> PitchEvent:
    """The closed event if this person is one of its jurors (in the pool or assigned); 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    event = (
        PitchEvent.objects.select_related("cohort", "rubric")
        .filter(Q(jurors=user) | Q(entries__assignments__juror=user), pk=event_id, status=PitchEvent.Status.CLOSED)
        .distinct()
        .first()
    )
    if event is None:
        raise Http404
    return event


@dataclass(frozen=True)
class JurorResultRow:
    """One ranked entry as a juror sees it after close: no other juror is named."""

    entry: Entry
    rank: int
    score: Decimal
    own: Decimal | None  # this juror's raw total, if they scored the entry
    panel: Decimal | None  # the average of the raw totals of everyone who scored it
    jurors: int


def juror_results(*, event: PitchEvent, user) -> list[JurorResultRow]:
    """Per ranked entry: rank, final score, this juror's raw total (if they scored it) and the panel's average of
    raw totals. No other juror is named."""
    live = results_live(event=event)
    explain = live.results.explain
    mine = explain.jurors.get(user.pk)
    rows = []
    for e in sorted(
        (e for e in live.inputs.entries.values() if _stored_result(e) is not None), key=lambda e: (e.result.rank, e.pk)
    ):
        totals = [info.totals[e.pk] for info in explain.jurors.values() if e.pk in info.totals]
        rows.append(
            JurorResultRow(
                e,
                e.result.rank,
                e.result.score,
                mine.totals.get(e.pk) if mine else None,
                scoring.mean(totals) if totals else None,
                len(totals),
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------- entrepreneurs


@dataclass(frozen=True)
class CriterionResult:
    name: str
    weight: Decimal
    mean: Decimal | None  # mean level over the complete sheets; None without any


@dataclass(frozen=True)
class PrivateResult:
    entry: Entry
    event: PitchEvent
    result: Result
    award: Award | None
    reserve_position: int | None
    criteria: list[CriterionResult]
    comments: list[str]
    jurors: int


def _criterion_means(entry: Entry, criteria: list[Criterion]) -> tuple[dict[int, Decimal], int]:
    """Mean level per criterion over the entry's complete counted sheets, and how many sheets that is (1 query)."""
    plain = [scoring.Criterion(c.pk, c.name, c.weight, c.sort_order or 0) for c in criteria]
    counted = Q(assignment__entry=entry, assignment__status=Assignment.Status.ACTIVE, submitted_at__isnull=False)
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for sheet_id, criterion_id, level in Score.objects.filter(sheet__in=_sheets(counted)).values_list(
        "sheet_id", "criterion_id", "level"
    ):
        levels[sheet_id][criterion_id] = level
    complete = [scoring.Sheet(0, entry.pk, lv) for lv in levels.values() if scoring.is_complete(lv, plain)]
    return scoring.criterion_means(complete, plain).get(entry.pk, {}), len(complete)


def private_result_or_404(*, user, event_id: int) -> PrivateResult:
    """A team member's own result once the event is closed; 404 for everyone else and before close.

    Five queries: the entry (event, venture, result), criteria, levels, comments, award.
    """
    if not user.is_authenticated:
        raise Http404
    entry = (
        Entry.objects.select_related("event", "venture", "result")
        .filter(event_id=event_id, is_calibration=False, venture__members=user, event__status=PitchEvent.Status.CLOSED)
        .first()
    )
    if entry is None or _stored_result(entry) is None:
        raise Http404
    criteria = list(Criterion.objects.filter(rubric_id=entry.event.rubric_id).order_by("sort_order", "id"))
    means, jurors = _criterion_means(entry, criteria)
    counted = Q(assignment__entry=entry, assignment__status=Assignment.Status.ACTIVE, submitted_at__isnull=False)
    # Random order: the order of comments must not hint at which juror wrote which.
    comments = [c.strip() for c in _sheets(counted).exclude(comment="").order_by("?").values_list("comment", flat=True)]
    return PrivateResult(
        entry=entry,
        event=entry.event,
        result=entry.result,
        award=entry.awards.filter(status=Award.Status.ACTIVE).first(),
        reserve_position=entry.result.reserve_position if entry.result.outcome == Result.Outcome.RESERVE else None,
        criteria=[CriterionResult(c.name, c.weight, means.get(c.pk)) for c in criteria],
        comments=[c for c in comments if c],
        jurors=jurors,
    )


def _sheets(condition: Q):
    return ScoreSheet.objects.filter(condition)


def award_spent(*, event: PitchEvent) -> Decimal:
    return Award.objects.filter(entry__event=event, status=Award.Status.ACTIVE).aggregate(total=Sum("amount"))[
        "total"
    ] or Decimal(0)
