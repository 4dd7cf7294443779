"""Reads for pitch results: the scoring inputs from the database, the coordinator's ranking and explain pages, a
juror's view after close, a team's private result and the audit log. Each builds in a fixed number of queries,
whatever the number of ventures and jurors."""

from collections import defaultdict
from dataclasses import dataclass, field
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
        "tres jurados: la nota de cada jurado se compara con su propia forma de calificar."),
    scoring.Reason.TOO_FEW_VENTURES: _(
        "Se usaron los totales sin normalizar porque hay menos de seis emprendimientos."),
    scoring.Reason.TOO_FEW_JURORS: _(
        "Se usaron los totales sin normalizar porque hay emprendimientos con menos de tres jurados."),
    scoring.Reason.TOO_FEW_VENTURES_AND_JURORS: _(
        "Se usaron los totales sin normalizar porque hay menos de seis emprendimientos y algunos tienen menos de "
        "tres jurados."),
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
    criteria = [scoring.Criterion(c.pk, c.name, c.weight, c.sort_order or 0)
                for c in Criterion.objects.filter(rubric_id=event.rubric_id).order_by("sort_order", "id")]
    entries = {e.pk: e for e in Entry.objects.filter(event=event, is_calibration=False)
               .select_related("venture", "result").order_by("id")}
    rows = (Score.objects.filter(sheet__assignment__entry__event=event,
                                 sheet__assignment__entry__is_calibration=False,
                                 sheet__assignment__status=Assignment.Status.ACTIVE,
                                 sheet__submitted_at__isnull=False)
            .values_list("sheet__assignment__juror_id", "sheet__assignment__entry_id", "criterion_id", "level"))
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


@dataclass
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
    outliers: list[dict] = field(default_factory=list)


@dataclass
class ResultsPage:
    event: PitchEvent
    method_sentence: str
    rows: list[ResultRow]
    unscored: list[Entry]
    short_entries: list[tuple[Entry, int]]  # entries with fewer than three complete sheets
    flat_jurors: list[dict]  # jurors whose scores barely vary
    deliberation: list[list[Entry]]  # ties the jury still has to order
    winners: list[ResultRow]
    reserve: list[ResultRow]
    withdrawn_awards: list[Award]
    spent: Decimal
    remaining: Decimal
    stored: bool  # rows come from the stored (closed) results, not from a preview


def _awards_of(event: PitchEvent) -> list[Award]:
    return list(Award.objects.filter(entry__event=event).select_related("entry__venture").order_by("created_at", "id"))


def results_page(*, event: PitchEvent) -> ResultsPage:
    """The ranking table with flags, winners and reserve: five queries after the event."""
    live = results_live(event=event)
    inputs, results = live.inputs, live.results
    awards = _awards_of(event)
    active = {a.entry_id: a for a in awards if a.status == Award.Status.ACTIVE}
    flagged = {o.juror_id for o in results.outliers} | set(results.juror_flags)
    names = _people(flagged)
    outliers: dict[int, list[dict]] = defaultdict(list)
    for o in results.outliers:
        outliers[o.venture_id].append({"juror": names.get(o.juror_id, ""), "score": o.score, "median": o.median,
                                       "distance": o.distance, "threshold": o.threshold})
    stored = event.is_closed and all(_stored_result(e) is not None for e in inputs.entries.values()
                                     if e.pk in results.scores)
    rows = []
    if stored:
        for e in sorted((e for e in inputs.entries.values() if _stored_result(e) is not None),
                        key=lambda e: (e.result.rank, e.pk)):
            r = e.result
            rows.append(ResultRow(e, r.rank, r.score, tie_break_label(r.tie_break, inputs.criteria_names),
                                  r.needs_deliberation, inputs.complete_counts.get(e.pk, 0), r.outcome,
                                  str(r.get_outcome_display()), r.reserve_position, active.get(e.pk),
                                  outliers.get(e.pk, [])))
    else:
        for v in live.ranking:
            rows.append(ResultRow(inputs.entries[v.venture_id], v.rank, scoring.round2(v.score),
                                  tie_break_label(tie_break_code(v), inputs.criteria_names), v.needs_deliberation,
                                  inputs.complete_counts.get(v.venture_id, 0), outliers=outliers.get(v.venture_id, [])))
    flat = [{"juror": names.get(j, ""), "sd": results.explain.jurors[j].sd,
             "no_spread": scoring.JurorFlag.NO_SPREAD in f} for j, f in sorted(results.juror_flags.items())]
    spent = sum((a.amount for a in active.values()), Decimal(0))
    return ResultsPage(
        event=event, method_sentence=str(METHOD_SENTENCES[results.reason]), rows=rows,
        unscored=[inputs.entries[v] for v in results.unscored],
        short_entries=[(inputs.entries[v], n) for v, n in inputs.complete_counts.items()
                       if n < scoring.MIN_JURORS_TO_NORMALIZE],
        flat_jurors=flat,
        deliberation=[[inputs.entries[v] for v in g] for g in deliberation_groups(live.ranking)],
        winners=[row for row in rows if row.outcome == Result.Outcome.WINNER],
        reserve=sorted((row for row in rows if row.outcome == Result.Outcome.RESERVE),
                       key=lambda row: (row.reserve_position or 0, row.rank)),
        withdrawn_awards=[a for a in awards if a.status == Award.Status.WITHDRAWN],
        spent=spent, remaining=event.total_budget - spent, stored=stored,
    )


def _d(value) -> Decimal:
    return scoring.round2(Decimal(value))


def explain_page(*, event: PitchEvent) -> dict:
    """Every step of the computation with its numbers, from the scoring module's Explain: four queries."""
    live = results_live(event=event)
    inputs, results = live.inputs, live.results
    explain = results.explain
    entries = inputs.entries
    criteria = {c.id: c for c in inputs.criteria}
    names = _people(explain.jurors)
    venture_name = {pk: str(e) for pk, e in entries.items()}
    normalized = results.method == scoring.Method.NORMALIZED
    jurors = [{
        "name": names.get(j, ""), "mean": info.mean, "sd": info.sd,
        "low_variance": scoring.JurorFlag.LOW_VARIANCE in info.flags,
        "no_spread": scoring.JurorFlag.NO_SPREAD in info.flags,
        "rows": [{"venture": venture_name.get(v, v), "total": total, "z": info.z.get(v),
                  "rescaled": info.rescaled.get(v)} for v, total in sorted(info.totals.items())],
    } for j, info in explain.jurors.items()]
    ventures = [{
        "venture": venture_name.get(v, v), "score": info.score, "median": info.median, "mad": info.mad,
        "threshold": info.outlier_threshold,
        "scores": [{"juror": names.get(j, ""), "value": x, "outlier": j in info.outlier_jurors,
                    "distance": abs(x - info.median)} for j, x in sorted(info.scores.items())],
        "criterion_means": [{"criterion": criteria[c].name, "mean": m} for c, m in info.criterion_means.items()],
    } for v, info in sorted(explain.ventures.items(), key=lambda item: -item[1].score)]
    tie_breaks = []
    for step in explain.tie_breaks:
        tie_breaks.append({
            "ventures": [venture_name.get(v, v) for v in step.venture_ids], "kind": str(step.kind),
            "criterion": criteria[step.criterion_id].name if step.criterion_id else "",
            "values": [{"venture": venture_name.get(v, v), "value": x} for v, x in step.values.items()],
            "pairs": [{"a": venture_name.get(p.a, p.a), "b": venture_name.get(p.b, p.b),
                       "shared": len(p.shared_jurors), "a_higher": p.a_higher, "b_higher": p.b_higher}
                      for p in step.pairs],
            "outcome": [[venture_name.get(v, v) for v in part] for part in step.outcome],
        })
    deliberated = [{"rank": r.rank, "venture": venture_name.get(r.venture_id, r.venture_id)}
                   for r in live.ranking if r.tie_break_used == scoring.TieBreak.DELIBERATION]
    return {
        "event": event, "method": results.method, "normalized": normalized,
        "method_sentence": METHOD_SENTENCES[results.reason], "decision": explain.decision,
        "jurors_per_venture": [{"venture": venture_name.get(v, v), "count": n}
                               for v, n in sorted(explain.decision.jurors_per_venture.items())],
        "criteria": [{"name": c.name, "weight": c.weight, "priority": explain.criteria_by_priority.index(c.id) + 1}
                     for c in inputs.criteria],
        "weight_sum": explain.weight_sum, "jurors": jurors, "ventures": ventures, "tie_breaks": tie_breaks,
        "deliberated": deliberated,
        "ignored": [{"juror": names.get(j, ""), "venture": venture_name.get(v, v)} for j, v in explain.ignored_sheets],
        "ranking": [{"rank": r.rank, "venture": venture_name.get(r.venture_id, r.venture_id),
                     "score": r.score, "needs_deliberation": r.needs_deliberation} for r in live.ranking],
        "allocation": allocation_steps(event=event, ranking=live.ranking, entries=entries),
        "constants": {"k": scoring.OUTLIER_K, "min_gap": scoring.OUTLIER_MIN_GAP,
                      "low_sd": scoring.LOW_VARIANCE_SD, "low_min": scoring.LOW_VARIANCE_MIN_VENTURES,
                      "center": scoring.RESCALE_CENTER, "spread": scoring.RESCALE_SPREAD},
    }


def allocation_steps(*, event: PitchEvent, ranking, entries: dict[int, Entry]) -> dict:
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
        steps.append({"rank": r.rank, "venture": str(entries[r.venture_id]), "award": award,
                      "withdrawn": r.venture_id in withdrawn, "remaining": remaining,
                      "requested": entries[r.venture_id].requested_amount})
    return {"budget": event.total_budget, "steps": steps, "remaining": remaining,
            "fixed": event.award_rule == PitchEvent.AwardRule.FIXED, "fixed_amount": event.fixed_amount,
            "has_awards": bool(awards)}


def audit_log(*, event: PitchEvent) -> list[AuditEntry]:
    """The event's log, oldest first, with who did it and about which entry and juror: one query."""
    return list(event.audit_entries.select_related("actor", "juror", "entry__venture").order_by("created_at", "id"))


# ------------------------------------------------------------------------------------------------ jurors


def event_for_juror_after_close_or_404(*, user, event_id: int) -> PitchEvent:
    """The closed event if this person is one of its jurors (in the pool or assigned); 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    event = (PitchEvent.objects.select_related("cohort", "rubric")
             .filter(Q(jurors=user) | Q(entries__assignments__juror=user), pk=event_id,
                     status=PitchEvent.Status.CLOSED).distinct().first())
    if event is None:
        raise Http404
    return event


def juror_results(*, event: PitchEvent, user) -> list[dict]:
    """Per ranked entry: rank, final score, this juror's raw total (if they scored it) and the panel's average of
    raw totals. No other juror is named."""
    live = results_live(event=event)
    explain = live.results.explain
    mine = explain.jurors.get(user.pk)
    rows = []
    for e in sorted((e for e in live.inputs.entries.values() if _stored_result(e) is not None),
                    key=lambda e: (e.result.rank, e.pk)):
        totals = [info.totals[e.pk] for info in explain.jurors.values() if e.pk in info.totals]
        rows.append({"entry": e, "rank": e.result.rank, "score": e.result.score,
                     "own": mine.totals.get(e.pk) if mine else None,
                     "panel": scoring.mean(totals) if totals else None, "jurors": len(totals)})
    return rows


# ---------------------------------------------------------------------------------------------- entrepreneurs


@dataclass
class PrivateResult:
    entry: Entry
    event: PitchEvent
    result: Result
    award: Award | None
    reserve_position: int | None
    criteria: list[dict]  # name, weight, mean level
    comments: list[str]
    jurors: int


def private_result_or_404(*, user, event_id: int) -> PrivateResult:
    """A team member's own result once the event is closed; 404 for everyone else and before close.

    Five queries: the entry (event, venture, result), criteria, levels, comments, award.
    """
    if not user.is_authenticated:
        raise Http404
    entry = (Entry.objects.select_related("event", "venture", "result")
             .filter(event_id=event_id, is_calibration=False, venture__members=user,
                     event__status=PitchEvent.Status.CLOSED).first())
    if entry is None or _stored_result(entry) is None:
        raise Http404
    criteria = list(Criterion.objects.filter(rubric_id=entry.event.rubric_id).order_by("sort_order", "id"))
    plain = [scoring.Criterion(c.pk, c.name, c.weight, c.sort_order or 0) for c in criteria]
    counted = Q(assignment__entry=entry, assignment__status=Assignment.Status.ACTIVE, submitted_at__isnull=False)
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for sheet_id, criterion_id, level in Score.objects.filter(
            sheet__in=_sheets(counted)).values_list("sheet_id", "criterion_id", "level"):
        levels[sheet_id][criterion_id] = level
    complete = [scoring.Sheet(0, entry.pk, lv) for lv in levels.values() if scoring.is_complete(lv, plain)]
    means = scoring.criterion_means(complete, plain).get(entry.pk, {})
    # Random order: the order of comments must not hint at which juror wrote which.
    comments = [c.strip() for c in _sheets(counted).exclude(comment="").order_by("?").values_list("comment", flat=True)]
    award = entry.awards.filter(status=Award.Status.ACTIVE).first()
    return PrivateResult(
        entry=entry, event=entry.event, result=entry.result, award=award,
        reserve_position=entry.result.reserve_position if entry.result.outcome == Result.Outcome.RESERVE else None,
        criteria=[{"name": c.name, "weight": c.weight, "mean": means.get(c.pk)} for c in criteria],
        comments=[c for c in comments if c], jurors=len(complete),
    )


def _sheets(condition: Q):
    return ScoreSheet.objects.filter(condition)


def award_spent(*, event: PitchEvent) -> Decimal:
    return Award.objects.filter(entry__event=event, status=Award.Status.ACTIVE).aggregate(
        total=Sum("amount"))["total"] or Decimal(0)
