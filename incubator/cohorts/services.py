"""Writes of the cohorts app: applications, decisions, dropouts, seat offers and catch-up lists."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from incubator.cohorts.models import (
    DEFAULT_CATCH_UP_ITEMS,
    CatchUpItem,
    Cohort,
    Participation,
    ParticipationEvent,
)
from incubator.cohorts.selectors import cohort_eligibility

S = Participation.Status
Kind = ParticipationEvent.Kind


class IntakeError(Exception):
    """A step that cannot happen now; the message is plain Spanish for the page."""


def _log(participation: Participation, kind: str, actor, detail: str = "") -> None:
    ParticipationEvent.objects.create(participation=participation, kind=kind, actor=actor, detail=detail[:255])


def _lock_cohort(cohort: Cohort) -> Cohort:
    # Two coordinators accepting at once (or a dropout while someone accepts) could both see the
    # last free seat: every seat-changing step locks the cohort row first and counts inside the lock.
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


def _seats_taken(cohort: Cohort) -> int:
    return Participation.objects.filter(cohort=cohort, status__in=[S.ACCEPTED, S.OFFERED]).count()


def participation_apply(*, cohort: Cohort, user, motivation: str) -> Participation:
    """Apply to a cohort. Raises IntakeError if not eligible or already applied; logs "postulo"."""
    eligibility = cohort_eligibility(cohort=cohort, user=user)
    if not eligibility.eligible:
        raise IntakeError(eligibility.reasons[0])
    with transaction.atomic():
        participation, created = Participation.objects.get_or_create(
            cohort=cohort, user=user, defaults={"motivation": motivation}
        )
        if not created:
            raise IntakeError(_("Ya postulaste a esta cohorte."))
        _log(participation, Kind.APPLIED, user)
    return participation


def participation_decide(*, participation: Participation, decision: str, actor) -> Participation:
    """A coordinator accepts ("aceptar"), declines ("rechazar") or reserves ("reserva") an application.

    Only applications and reserve places can be decided. Accepting needs a free seat (IntakeError).
    """
    with transaction.atomic():
        cohort = _lock_cohort(participation.cohort)
        p = Participation.objects.select_for_update().get(pk=participation.pk)
        if p.status not in (S.APPLIED, S.RESERVE):
            raise IntakeError(_("Esta postulación ya fue decidida."))
        if decision == "aceptar":
            if _seats_taken(cohort) >= cohort.capacity:
                raise IntakeError(_("No quedan cupos. Pon a la persona en la lista de reserva."))
            p.status, p.reserve_position, kind = S.ACCEPTED, None, Kind.ACCEPTED
        elif decision == "rechazar":
            p.status, p.reserve_position, kind = S.DECLINED, None, Kind.DECLINED
        elif decision == "reserva" and p.status == S.APPLIED:
            last = cohort.participations.aggregate(m=Max("reserve_position"))["m"] or 0
            p.status, p.reserve_position, kind = S.RESERVE, last + 1, Kind.RESERVED
        else:
            raise IntakeError(_("Esa decisión no es posible."))
        p.save(update_fields=["status", "reserve_position", "updated_at"])
        detail = _("Puesto %(n)s") % {"n": p.reserve_position} if kind == Kind.RESERVED else ""
        _log(p, kind, actor, detail)
    return p


def participation_drop(*, participation: Participation, reason: str, note: str, actor) -> Participation | None:
    """Record a dropout of an accepted person and offer the freed seat to the next on the reserve list.

    Returns the participation that got the offer, if any.
    """
    if reason not in Participation.DropoutReason.values:
        raise IntakeError(_("Elige un motivo."))
    with transaction.atomic():
        cohort = _lock_cohort(participation.cohort)
        p = Participation.objects.select_for_update().get(pk=participation.pk)
        if p.status != S.ACCEPTED:
            raise IntakeError(_("Solo se registra el retiro de una persona aceptada."))
        p.status, p.dropout_reason, p.dropout_note = S.DROPPED, reason, note
        p.save(update_fields=["status", "dropout_reason", "dropout_note", "updated_at"])
        _log(p, Kind.DROPPED, actor, f"{p.get_dropout_reason_display()}: {note}")
        return _offer_next(cohort, actor)


def _offer_next(cohort: Cohort, actor) -> Participation | None:
    """Inside the cohort lock: offer a free seat to the first on the reserve list."""
    if _seats_taken(cohort) >= cohort.capacity:
        return None
    nxt = (
        Participation.objects.select_for_update()
        .filter(cohort=cohort, status=S.RESERVE)
        .order_by("reserve_position", "created_at")
        .first()
    )
    if nxt is None:
        return None
    nxt.status, nxt.reserve_position = S.OFFERED, None
    nxt.save(update_fields=["status", "reserve_position", "updated_at"])
    _log(nxt, Kind.OFFERED, actor)
    return nxt


def seat_offer_respond(*, participation: Participation, accept: bool, user) -> Participation | None:
    """The person offered a seat takes it (gets the catch-up list) or lets it go (offered to the next).

    Returns the next offered participation when declining, else None.
    """
    with transaction.atomic():
        cohort = _lock_cohort(participation.cohort)
        p = Participation.objects.select_for_update().get(pk=participation.pk)
        if p.user_id != user.pk or p.status != S.OFFERED:
            raise IntakeError(_("Este cupo ya no está disponible."))
        if accept:
            p.status = S.ACCEPTED
            p.save(update_fields=["status", "updated_at"])
            _log(p, Kind.OFFER_ACCEPTED, user)
            catch_up_create(participation=p)
            return None
        p.status = S.OFFER_DECLINED
        p.save(update_fields=["status", "updated_at"])
        _log(p, Kind.OFFER_DECLINED, user)
        return _offer_next(cohort, user)


def catch_up_create(*, participation: Participation) -> list[CatchUpItem]:
    """Copy the cohort's catch-up template (or the default list) to the newcomer; idempotent."""
    if participation.catch_up_items.exists():
        return list(participation.catch_up_items.all())
    texts = [t.text for t in participation.cohort.catch_up_template.all()] or [str(t) for t in DEFAULT_CATCH_UP_ITEMS]
    return CatchUpItem.objects.bulk_create(
        CatchUpItem(participation=participation, text=text, position=i) for i, text in enumerate(texts)
    )


def catch_up_tick(*, item: CatchUpItem, user, done: bool = True) -> CatchUpItem:
    """The newcomer marks (or unmarks) one of their catch-up tasks."""
    if item.participation.user_id != user.pk:
        raise IntakeError(_("Esta tarea no es tuya."))
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["done_at"])
    if done:
        _log(item.participation, Kind.CATCH_UP_DONE, user, item.text)
    return item
