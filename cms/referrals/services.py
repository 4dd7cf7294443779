"""Writes of the referrals: create, send, answer, attend, close, revoke. Each change is a ReferralEvent line.

Every transition locks the referral's row (select_for_update) and checks the state it finds there, so two
people acting at once (the partner accepting while coordination revokes, two tabs of the same partner) cannot
both win: the second one sees the new state and gets a ReferralError in Spanish.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.accounts.models import Participant, User
from cms.accounts.roles import Role, has_role, roles_of
from cms.people.models import ConsentEvent, Purpose, SensitiveRead
from cms.people.selectors import participants_visible_to
from cms.people.services import ConsentMissing, consent_give, consent_require, consent_revoke
from cms.referrals.models import (
    ContactSource,
    PartnerOrganisation,
    PartnerService,
    Referral,
    ReferralEvent,
    ServiceType,
    consent_scope,
)

State = Referral.State

# Which timestamp each state stamps when a referral enters it.
STAMPS = {
    State.SENT: "sent_at",
    State.ACCEPTED: "accepted_at",
    State.REJECTED: "rejected_at",
    State.ATTENDED: "attended_at",
    State.CLOSED: "closed_at",
    State.REVOKED: "revoked_at",
}


class ReferralError(Exception):
    """A transition the referral's current state does not allow, or a missing consent: the message says why."""


def _already_open() -> ValidationError:
    return ValidationError(
        {"service": _("Esta persona ya tiene una derivación abierta para este servicio. Ciérrala o revócala antes.")}
    )


def _log(*, referral: Referral, actor: User | None, from_state: str, note: str = "") -> None:
    ReferralEvent.objects.create(
        referral=referral, actor=actor, from_state=from_state, to_state=referral.state, note=note[:300]
    )


def _locked(referral: Referral) -> Referral:
    """The referral's row, locked until the transaction ends (see the module docstring for the race)."""
    return Referral.objects.select_for_update().select_related("participant", "organisation").get(pk=referral.pk)


def _move(*, referral: Referral, to: str, allowed_from: tuple[str, ...], by: User | None, note: str = "") -> Referral:
    """Lock, check the state, stamp and log. Must run inside a transaction."""
    locked = _locked(referral)
    if locked.state not in allowed_from:
        raise ReferralError(
            _("Esta derivación está %(state)s: ya no se puede cambiar así.") % {"state": locked.get_state_display()}
        )
    from_state = locked.state
    locked.state = to
    stamp = STAMPS[Referral.State(to)]
    setattr(locked, stamp, timezone.now())
    locked.save(update_fields=["state", stamp])
    _log(referral=locked, actor=by, from_state=from_state, note=note)
    return locked


def _require_coordination(by: User, participant: Participant) -> None:
    if not participants_visible_to(user=by).filter(pk=participant.pk).exists():
        raise PermissionDenied


def _require_member(by: User, referral: Referral) -> None:
    if not (has_role(by, Role.PARTNER) and referral.organisation.members.filter(pk=by.pk).exists()):
        raise PermissionDenied


@transaction.atomic
def referral_create(
    *,
    by: User,
    participant: Participant,
    organisation: PartnerOrganisation,
    service_type: str,
    need: str,
    contact: str,
) -> Referral:
    """A coordinator drafts a referral for a participant in her scope. Raises ValidationError when the
    organisation does not offer the service or she already has an open referral for it."""
    _require_coordination(by, participant)
    if not PartnerService.objects.filter(organisation=organisation, service_type=service_type).exists():
        raise ValidationError({"service": _("Esta organización no ofrece ese servicio.")})
    open_ones = Referral.objects.filter(participant=participant, service_type=service_type)
    if open_ones.filter(state__in=Referral.OPEN_STATES).exists():
        raise _already_open()
    referral = Referral(
        participant=participant,
        organisation=organisation,
        service_type=ServiceType(service_type),
        need=need,
        contact=contact,
        contact_source=contact_source_of(participant=participant, contact=contact),
        created_by=by,
    )
    try:
        with transaction.atomic():  # the constraint still holds when two coordinators save at the same moment
            referral.save()
    except IntegrityError as exc:
        raise _already_open() from exc
    _log(referral=referral, actor=by, from_state="")
    return referral


def contact_source_of(*, participant: Participant, contact: str) -> str:
    """Her registry's phone when the contact is that phone (then its corrections are passed on), else other."""
    phone = participant.phone.strip()
    return ContactSource.PHONE if phone and contact.strip() == phone else ContactSource.OTHER


@transaction.atomic
def referral_send(*, by: User, referral: Referral) -> Referral:
    """Send a draft to the organisation. Needs her consent for this organisation and service (ReferralError)."""
    _require_coordination(by, referral.participant)
    try:
        consent_require(participant=referral.participant, purpose=Purpose.REFERRAL, scope=referral.consent_scope)
    except ConsentMissing as exc:
        raise ReferralError(
            _("Falta su consentimiento para compartir sus datos con %(organisation)s para este servicio.")
            % {"organisation": referral.organisation.name}
        ) from exc
    return _move(referral=referral, to=State.SENT, allowed_from=(State.DRAFT,), by=by)


@transaction.atomic
def referral_start(
    *,
    by: User,
    participant: Participant,
    organisation: PartnerOrganisation,
    service_type: str,
    need: str,
    contact: str,
    consent: bool,
    send: bool,
) -> Referral:
    """The referral form in one step: record her consent given at the center (when ticked), draft, and send
    (when asked). All or nothing."""
    _require_coordination(by, participant)
    if consent:
        consent_give(
            participant=participant,
            purpose=Purpose.REFERRAL,
            by=by,
            scope=consent_scope(organisation.pk, service_type),
        )
    referral = referral_create(
        by=by, participant=participant, organisation=organisation, service_type=service_type, need=need, contact=contact
    )
    if send:
        try:
            referral = referral_send(by=by, referral=referral)
        except ReferralError as exc:
            raise ValidationError({"consent": str(exc)}) from exc
    return referral


@transaction.atomic
def referral_accept(*, by: User, referral: Referral) -> Referral:
    """The partner organisation takes the referral."""
    _require_member(by, referral)
    return _move(referral=referral, to=State.ACCEPTED, allowed_from=(State.SENT,), by=by)


@transaction.atomic
def referral_reject(*, by: User, referral: Referral, reason: str) -> Referral:
    """The partner organisation cannot take it; the reason is required and kept."""
    _require_member(by, referral)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Escribe el motivo.")})
    locked = _move(referral=referral, to=State.REJECTED, allowed_from=(State.SENT,), by=by, note=reason)
    locked.rejection_reason = reason[:300]
    locked.save(update_fields=["rejection_reason"])
    return locked


@transaction.atomic
def referral_attend(*, by: User, referral: Referral) -> Referral:
    """The partner organisation says she received the service."""
    _require_member(by, referral)
    return _move(referral=referral, to=State.ATTENDED, allowed_from=(State.ACCEPTED,), by=by)


@transaction.atomic
def referral_close(*, by: User, referral: Referral, note: str = "") -> Referral:
    """Coordination closes an attended referral (she confirmed the service helped, or follow-up is over)."""
    _require_coordination(by, referral.participant)
    return _move(referral=referral, to=State.CLOSED, allowed_from=(State.ATTENDED,), by=by, note=note)


@transaction.atomic
def referral_revoke(*, by: User, referral: Referral, note: str = "") -> Referral:
    """Coordination stops an open referral; the partner no longer sees it."""
    _require_coordination(by, referral.participant)
    return _move(referral=referral, to=State.REVOKED, allowed_from=Referral.OPEN_STATES, by=by, note=note)


def _open_referrals_of_scope(participant: Participant, scope: str):
    referrals = Referral.objects.filter(participant=participant, state__in=Referral.OPEN_STATES)
    if scope:  # "" withdraws every referral consent at once
        organisation_id, _sep, service_type = scope.partition(":")
        if not organisation_id.isdigit():
            return referrals.none()
        referrals = referrals.filter(organisation_id=int(organisation_id))
        if service_type:
            referrals = referrals.filter(service_type=service_type)
    return referrals


@transaction.atomic
def referrals_revoke_for_consent(*, participant: Participant, scope: str, by: User | None) -> list[Referral]:
    """Her consent for a scope ("<organisation id>:<service>", or "" for all) was withdrawn: revoke the open
    referrals it covered. Idempotent; called by the consent ledger's signal and by referral_consent_withdraw."""
    revoked = []
    for referral in _open_referrals_of_scope(participant, scope):
        try:
            revoked.append(
                _move(
                    referral=referral,
                    to=State.REVOKED,
                    allowed_from=Referral.OPEN_STATES,
                    by=by,
                    note=_("Ella retiró su consentimiento."),
                )
            )
        except ReferralError:
            continue  # finished meanwhile: nothing left to stop
    return revoked


@transaction.atomic
def referral_consent_withdraw(*, by: User, referral: Referral) -> Referral:
    """The person withdraws her consent for this referral's organisation and service: the ledger records it
    and the referral (and any other open one of that scope) is revoked."""
    if referral.participant.user_id != by.pk:
        raise PermissionDenied
    if not referral.is_open:
        raise ReferralError(_("Esta derivación ya terminó."))
    consent_revoke(participant=referral.participant, purpose=Purpose.REFERRAL, by=by, scope=referral.consent_scope)
    referrals_revoke_for_consent(participant=referral.participant, scope=referral.consent_scope, by=by)
    referral.refresh_from_db()
    return referral


def referral_partner_read_log(*, reader: User, referral: Referral) -> None:
    """A partner opened a referral's details (her first name, contact, need): a sensitive read, logged in the
    registry's SensitiveRead with field "referral" so it shows in "Quién vio mis datos"."""
    reason = _("Derivación %(id)s: %(service)s") % {"id": referral.pk, "service": referral.get_service_type_display()}
    SensitiveRead.objects.create(
        participant=referral.participant,
        field="referral",
        reader=reader,
        reader_role=",".join(sorted(roles_of(reader))),
        reason=reason[:120],
    )


def consent_event_saved(sender, instance: ConsentEvent, created: bool, **kwargs) -> None:
    """post_save of the consent ledger (connected in apps.py): a referral consent withdrawn anywhere (her
    page, the ledger, the admin) revokes the open referrals of its scope in the same transaction."""
    if created and instance.purpose == Purpose.REFERRAL and instance.action == ConsentEvent.Action.REVOKED:
        referrals_revoke_for_consent(participant=instance.participant, scope=instance.scope, by=instance.by)


# ---- rectification (LOPDP Art. 14) ---------------------------------------------------------------------------

# The fields of her record an organisation receives with a referral: her first name (read live from the
# record) and her phone (copied into the referral's contact when it was the contact chosen).
RECEIVED_FIELDS = {"given_names": gettext_lazy("nombre"), "phone": gettext_lazy("teléfono")}
# A referral finished (closed, rejected, revoked) within these days still gets the correction: coordination may
# call the organisation about it. Older ones are history the organisation no longer sees; they stay as they were
# (and an erasure empties their contact anyway).
RECENT_DAYS = 90


def _recent_or_open(now) -> Q:
    since = now - timedelta(days=RECENT_DAYS)
    return (
        Q(state__in=Referral.OPEN_STATES)
        | Q(closed_at__gte=since)
        | Q(rejected_at__gte=since)
        | Q(revoked_at__gte=since)
    )


@transaction.atomic
def referral_corrections_pass_on(*, participant: Participant, fields: list[str], by: User | None) -> list[Referral]:
    """Her record was corrected (registry.rectified): every open or recent referral that carries a corrected
    field gets the new value, is marked "dato corregido" for the organisation that received it, and logs it.
    Returns the referrals changed."""
    corrected = [name for name in fields if name in RECEIVED_FIELDS]
    if not corrected:
        return []
    now = timezone.now()
    changed = []
    # Locked so a transition running at the same time (a partner accepting) does not overwrite the new contact.
    referrals = Referral.objects.select_for_update().filter(_recent_or_open(now), participant=participant)
    for referral in referrals.order_by("pk"):
        carried = [name for name in corrected if name != "phone" or referral.contact_source == ContactSource.PHONE]
        if not carried:
            continue
        if "phone" in carried:
            referral.contact = participant.phone.strip()[:120]
            if not referral.contact:  # she removed her phone: it must not be used any more
                referral.contact_source = ContactSource.OTHER
        if referral.sent_at is not None:
            referral.corrected_at = now
        referral.save(update_fields=["contact", "contact_source", "corrected_at"])
        labels = ", ".join(str(RECEIVED_FIELDS[name]) for name in carried)
        note = (
            _("Dato corregido (%(fields)s): la organización ya ve el dato nuevo.")
            if referral.sent_at is not None
            else _("Dato corregido (%(fields)s).")
        ) % {"fields": labels}
        _log(referral=referral, actor=by, from_state=referral.state, note=note)
        changed.append(referral)
    return changed
