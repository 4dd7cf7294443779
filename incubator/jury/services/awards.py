"""Seed-capital awards after close: a winner withdraws and the head of the reserve list is promoted."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from incubator.jury import scoring
from incubator.jury.models import AuditEntry, Award, Entry, PitchEvent, Result
from incubator.jury.services.audit import audit_record
from incubator.jury.services.results import (
    ResultsError,
    award_amounts,
    award_mark_withdrawn,
    event_locked,
    money_text,
    reason_required,
)


def award_withdraw(*, award: Award, by, reason: str) -> list[Award]:
    """Withdraw an active award with a reason, then promote from the reserve list while the money allows.

    Only the head of the reserve may be promoted, and only if its amount fits in what is left of the budget
    (scoring.promote_next); a cheaper entry further down is never promoted past it. Returns the new awards
    (promoted_from_reserve=True). Refused if the event is open (awards are decided again at the next close) or
    the award was already withdrawn. Audit: WITHDRAWN (old and new status) and PROMOTED for each promotion,
    both with the reason.
    """
    reason = reason_required(reason, _("Escribe el motivo del retiro."))
    with transaction.atomic():
        event = event_locked(award.entry.event)
        if not event.is_closed:
            raise ResultsError(_("El evento está abierto: los premios se deciden de nuevo al cerrarlo."))
        # Only the award row is locked: the venture is an outer join (an entry may be a calibration sample).
        award = Award.objects.select_for_update(of=("self",)).select_related("entry__venture").get(pk=award.pk)
        if award.status != Award.Status.ACTIVE:
            raise ResultsError(_("Este premio ya fue retirado."))
        award_mark_withdrawn(event=event, award=award, by=by, reason=reason)
        Result.objects.filter(entry_id=award.entry_id).update(outcome=Result.Outcome.WITHDRAWN, reserve_position=None)
        return _reserve_promote(
            event=event,
            by=by,
            reason=_("Se retiró %(venture)s: %(reason)s") % {"venture": award.entry, "reason": reason},
        )


def _reserve_promote(*, event: PitchEvent, by, reason: str) -> list[Award]:
    spent = Award.objects.filter(entry__event=event, status=Award.Status.ACTIVE).aggregate(total=Sum("amount"))[
        "total"
    ] or Decimal(0)
    remaining = event.total_budget - spent
    results = list(
        Result.objects.filter(entry__event=event, outcome=Result.Outcome.RESERVE)
        .select_related("entry__venture")
        .order_by("reserve_position", "rank", "id")
    )
    entries: dict[int, Entry] = {r.entry_id: r.entry for r in results}
    reserve = [scoring.RankedVenture(r.entry_id, r.rank, r.score, None, r.needs_deliberation) for r in results]
    amounts = award_amounts(event, entries)
    promoted: list[Award] = []
    while True:
        try:
            head = scoring.promote_next(reserve, remaining, amounts)
        except scoring.UnresolvedTie as tie:
            # event_close refuses ties inside the reserve, so this only happens with data changed by hand.
            raise ResultsError(
                _("Hay un empate en la lista de reserva que el jurado debe resolver: %(ventures)s.")
                % {"ventures": ", ".join(str(entries[v]) for v in tie.venture_ids)}
            ) from None
        if head is None:
            break
        amount = amounts[head.venture_id]
        remaining -= amount
        award = Award.objects.create(entry_id=head.venture_id, amount=amount, promoted_from_reserve=True)
        old_position = next(r.reserve_position for r in results if r.entry_id == head.venture_id)
        Result.objects.filter(entry_id=head.venture_id).update(outcome=Result.Outcome.WINNER, reserve_position=None)
        audit_record(
            event=event,
            kind=AuditEntry.Kind.PROMOTED,
            actor=by,
            entry=entries[head.venture_id],
            old={"outcome": Result.Outcome.RESERVE, "reserve_position": old_position},
            new={
                "outcome": Result.Outcome.WINNER,
                "award": award.pk,
                "amount": money_text(amount),
                "remaining": money_text(remaining),
            },
            reason=reason,
        )
        promoted.append(award)
        reserve = [r for r in reserve if r.venture_id != head.venture_id]
    for position, r in enumerate(reserve, start=1):
        Result.objects.filter(entry_id=r.venture_id).update(reserve_position=position)
    return promoted
