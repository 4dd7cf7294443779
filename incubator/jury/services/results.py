"""Results of a pitch event: compute and store them, record the jury's deliberated order of a tie, close (allocate
the seed capital in rank order and lock) and reopen with a reason. Every step goes into the audit log.

The numbers come from the pure `incubator.jury.scoring` module; entry ids are its venture ids."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from incubator.jury import scoring
from incubator.jury.models import AuditEntry, Award, Entry, PitchEvent, Result
from incubator.jury.selectors.results import Live, results_live, tie_break_code
from incubator.jury.services.audit import audit_record


class ResultsError(ValidationError):
    """Why a results step was refused, in a Spanish sentence for the coordinator."""


def event_locked(event: PitchEvent) -> PitchEvent:
    """The event row, locked until the transaction ends.

    Close, reopen, deliberation and withdrawals all lock the event row first, so they run one after the other:
    two coordinators pressing "Cerrar" at once would otherwise both allocate and create every award twice, and
    a withdrawal racing a reopen or a second withdrawal could promote the same reserve entry twice or spend
    the same freed money twice. The caller must be inside transaction.atomic().
    """
    return PitchEvent.objects.select_for_update().get(pk=event.pk)


def _require_open(event: PitchEvent) -> None:
    if event.is_closed:
        raise ResultsError(
            _("El evento está cerrado: los resultados están bloqueados. Para cambiarlos, reábrelo con un motivo.")
        )


def reason_required(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ResultsError(message)
    return reason


def money_text(value: Decimal) -> str:
    return str(Decimal(value).quantize(Decimal("0.01")))


def award_amounts(event: PitchEvent, entries: dict[int, Entry]) -> dict[int, Decimal]:
    """Entry -> the amount it would receive: the event's fixed amount, or what the entry asked for."""
    if event.award_rule == PitchEvent.AwardRule.FIXED:
        return dict.fromkeys(entries, event.fixed_amount)
    return {pk: e.requested_amount for pk, e in entries.items() if e.requested_amount}


def _names(entries: dict[int, Entry], ids) -> str:
    return ", ".join(str(entries[i]) for i in ids)


def _store(
    *,
    event: PitchEvent,
    live: Live,
    ranking,
    by,
    extra: dict | None = None,
    reason: str = "",
    kind: str = AuditEntry.Kind.NORMALIZED,
) -> None:
    """Write one Result per ranked entry and the method on the event; audit `kind` (NORMALIZED, or DELIBERATED
    for the jury's order of a tie) with the key numbers.

    An entry that withdrew stays withdrawn (it is not offered money again); every other outcome is set by the
    allocation at close (RESERVE until then). Results of entries no longer ranked are removed.
    """
    now = timezone.now()
    withdrawn = {pk for pk, r in live.inputs.stored_results.items() if r.outcome == Result.Outcome.WITHDRAWN}
    for r in ranking:
        Result.objects.update_or_create(
            entry_id=r.venture_id,
            defaults={
                "score": scoring.round2(r.score),
                "rank": r.rank,
                "tie_break": tie_break_code(r),
                "needs_deliberation": r.needs_deliberation,
                "reserve_position": None,
                "computed_at": now,
                "outcome": Result.Outcome.WITHDRAWN if r.venture_id in withdrawn else Result.Outcome.RESERVE,
            },
        )
    Result.objects.filter(entry__event=event).exclude(entry_id__in=[r.venture_id for r in ranking]).delete()
    results = live.results
    event.results_method, event.results_reason = str(results.method), str(results.reason)
    event.save(update_fields=["results_method", "results_reason"])
    audit_record(
        event=event,
        kind=kind,
        actor=by,
        reason=reason,
        new={
            "method": str(results.method),
            "reason": str(results.reason),
            "ventures": results.explain.decision.venture_count,
            "jurors_per_venture": {str(k): v for k, v in results.explain.decision.jurors_per_venture.items()},
            "scores": {str(r.venture_id): str(scoring.round2(r.score)) for r in ranking},
            "ranking": [[r.venture_id, r.rank] for r in ranking],
            "outliers": [[o.juror_id, o.venture_id] for o in results.outliers],
            "flat_jurors": sorted(results.juror_flags),
            **(extra or {}),
        },
    )


def event_results_compute(*, event: PitchEvent, by) -> Live:
    """Compute the results of an open event from the counted sheets and store them (a preview until close).

    Raises ResultsError if the event is closed. Side effects: Result rows, event.results_method/reason,
    an audit line NORMALIZED.
    """
    with transaction.atomic():
        event = event_locked(event)
        _require_open(event)
        live = results_live(event=event)
        _store(event=event, live=live, ranking=live.ranking, by=by)
        return live


def deliberation_resolve(*, event: PitchEvent, order: list[int], by, reason: str) -> Live:
    """Record the jury's order for one tie that needs deliberation (entry ids, best first), with a reason.

    The order is kept on the stored results and re-applied at every later computation while the tied group
    stays the same. Raises ResultsError if the event is closed, the reason is empty, or `order` is not exactly
    one tied group. Audited as DELIBERATED with the deliberated order.
    """
    reason = reason_required(reason, _("Escribe cómo decidió el jurado el orden del empate."))
    with transaction.atomic():
        event = event_locked(event)
        _require_open(event)
        live = results_live(event=event)
        try:
            ranking = scoring.resolve_deliberation(live.ranking, [int(v) for v in order])
        except ValueError:
            raise ResultsError(_("Ese orden no corresponde a un empate que el jurado deba resolver.")) from None
        _store(
            event=event,
            live=live,
            ranking=ranking,
            by=by,
            reason=reason,
            kind=AuditEntry.Kind.DELIBERATED,
            extra={"deliberation": [int(v) for v in order]},
        )
        return Live(live.inputs, live.results, ranking)


def _require_closable(event: PitchEvent, live: Live) -> None:
    entries = live.inputs.entries
    if not entries:
        raise ResultsError(_("No se puede cerrar: el evento no tiene emprendimientos."))
    short = [pk for pk, n in live.inputs.complete_counts.items() if n < scoring.MIN_JURORS_TO_NORMALIZE]
    if short:
        raise ResultsError(
            _(
                "No se puede cerrar: cada emprendimiento necesita al menos tres hojas completas y "
                "enviadas. Faltan en: %(ventures)s."
            )
            % {"ventures": _names(entries, short)}
        )
    if event.award_rule == PitchEvent.AwardRule.REQUESTED:
        missing = [pk for pk, e in entries.items() if not e.requested_amount]
        if missing:
            raise ResultsError(
                _("No se puede cerrar: falta el monto solicitado de %(ventures)s.")
                % {"ventures": _names(entries, missing)}
            )


def event_close(*, event: PitchEvent, by) -> scoring.Allocation:
    """Compute, allocate the budget in rank order, and lock the results.

    Refused (ResultsError) when the event is already closed, an entry has fewer than three complete submitted
    sheets, a requested amount is missing, or a tie that decides money (at the cut line or inside the reserve
    list, where promotions happen) still needs the jury's deliberation: record it with deliberation_resolve.
    Winners get an Award (an active award kept from an earlier close stays when the amount is the same; one
    that no longer wins is withdrawn with a reason); the rest form the reserve list in rank order. Entries that
    withdrew are skipped. Audit: NORMALIZED, ALLOCATED per award, WITHDRAWN for a lost award, LOCKED.
    """
    with transaction.atomic():
        event = event_locked(event)
        _require_open(event)
        live = results_live(event=event)
        _require_closable(event, live)
        entries = live.inputs.entries
        withdrawn = {pk for pk, r in live.inputs.stored_results.items() if r.outcome == Result.Outcome.WITHDRAWN}
        candidates = [r for r in live.ranking if r.venture_id not in withdrawn]
        allocation = scoring.allocate(candidates, event.total_budget, award_amounts(event, entries))
        undecided = list(allocation.unresolved_tie) + [r.venture_id for r in allocation.reserve if r.needs_deliberation]
        if undecided:
            raise ResultsError(
                _(
                    "No se puede cerrar: hay un empate que decide quién recibe capital semilla y el "
                    "jurado debe deliberar el orden: %(ventures)s."
                )
                % {"ventures": _names(entries, dict.fromkeys(undecided))}
            )
        _store(event=event, live=live, ranking=live.ranking, by=by)
        _awards_apply(event=event, allocation=allocation, entries=entries, by=by)
        event.status, event.closed_at = PitchEvent.Status.CLOSED, timezone.now()
        event.save(update_fields=["status", "closed_at"])
        audit_record(
            event=event,
            kind=AuditEntry.Kind.LOCKED,
            actor=by,
            old={"status": PitchEvent.Status.OPEN},
            new={
                "status": PitchEvent.Status.CLOSED,
                "winners": len(allocation.winners),
                "spent": money_text(allocation.spent),
                "remaining": money_text(allocation.remaining),
                "reserve": [r.venture_id for r in allocation.reserve],
            },
        )
        return allocation


def _awards_apply(*, event: PitchEvent, allocation: scoring.Allocation, entries: dict[int, Entry], by) -> None:
    # Only the award rows are locked (PostgreSQL refuses FOR UPDATE across the outer join of the default order).
    existing = {
        a.entry_id: a
        for a in Award.objects.select_for_update(of=("self",))
        .filter(entry__event=event, status=Award.Status.ACTIVE)
        .order_by("id")
    }
    remaining = event.total_budget
    for winner in allocation.winners:
        remaining -= winner.amount
        award = existing.pop(winner.venture_id, None)
        old = {"amount": money_text(award.amount)} if award else None
        if award is not None and award.amount != winner.amount:
            award_mark_withdrawn(event=event, award=award, by=by, reason=_("El monto cambió al cerrar de nuevo."))
            award = None
        if award is None:
            award = Award.objects.create(entry_id=winner.venture_id, amount=winner.amount)
        Result.objects.filter(entry_id=winner.venture_id).update(outcome=Result.Outcome.WINNER, reserve_position=None)
        audit_record(
            event=event,
            kind=AuditEntry.Kind.ALLOCATED,
            actor=by,
            entry=entries[winner.venture_id],
            old=old,
            new={
                "award": award.pk,
                "amount": money_text(winner.amount),
                "rank": winner.rank,
                "remaining": money_text(remaining),
            },
        )
    for award in existing.values():
        award_mark_withdrawn(
            event=event, award=award, by=by, reason=_("Al cerrar de nuevo ya no queda entre los ganadores.")
        )
    for position, r in enumerate(allocation.reserve, start=1):
        Result.objects.filter(entry_id=r.venture_id).update(outcome=Result.Outcome.RESERVE, reserve_position=position)


def award_mark_withdrawn(*, event: PitchEvent, award: Award, by, reason: str) -> None:
    """Mark an award withdrawn and audit it, nothing else (the caller holds the event lock and sets outcomes)."""
    old = {"status": award.status, "amount": money_text(award.amount)}
    award.status, award.withdrawal_reason = Award.Status.WITHDRAWN, reason[:300]
    award.save(update_fields=["status", "withdrawal_reason"])
    audit_record(
        event=event,
        kind=AuditEntry.Kind.WITHDRAWN,
        actor=by,
        entry=award.entry,
        old=old,
        new={"status": award.status},
        reason=reason,
    )


def event_has_deliveries(event: PitchEvent) -> bool:
    """Whether seed capital was scheduled or handed over for any award of the event (the seedcapital app hangs
    `deliveries` off Award; without that app there are none)."""
    if not hasattr(Award, "deliveries"):
        return False
    return Award.objects.filter(entry__event=event, deliveries__isnull=False).exists()


def event_reopen(*, event: PitchEvent, by, reason: str) -> PitchEvent:
    """Unlock a closed event so scores and deliberations can change; results are recomputed at the next close.

    Requires a reason. Refused once seed capital has been delivered for any award of the event (goods handed
    over cannot be un-awarded by a recomputation). Awards stay until the next close decides again.
    Audit: REOPENED with the reason.
    """
    reason = reason_required(reason, _("Escribe el motivo para reabrir el evento."))
    with transaction.atomic():
        event = event_locked(event)
        if not event.is_closed:
            raise ResultsError(_("El evento no está cerrado."))
        if event_has_deliveries(event):
            raise ResultsError(
                _("No se puede reabrir: ya hay entregas de capital semilla registradas para un premio de este evento.")
            )
        old = {"status": event.status, "closed_at": event.closed_at.isoformat() if event.closed_at else None}
        event.status, event.closed_at = PitchEvent.Status.OPEN, None
        event.save(update_fields=["status", "closed_at"])
        audit_record(
            event=event, kind=AuditEntry.Kind.REOPENED, actor=by, old=old, new={"status": event.status}, reason=reason
        )
        return event
