"""Invitations to claim an account: a person registered by coordination creates her own username and
password later, and her new account is linked to that record (no second record).

The link carries a TimestampSigner token of the invite's id (30 days); people without e-mail get a printed
short code that leads to the same page. An invite is used once: claimed_at is set in the transaction that
creates the account.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.accounts.models import ConsentVersion, Participant, User
from cms.accounts.services import user_signup
from cms.people.models import AccountInvite, ParticipantEvent
from cms.people.services import participant_event_log

INVITE_MAX_AGE = timedelta(days=30)
_SALT = "cms.people.invite"
# No 0/O, 1/I/L: the code is read from paper and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class InviteInvalid(Exception):
    """The link or code is wrong, expired or used; the message is plain Spanish for the page."""


def _code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_shown(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


@transaction.atomic
def invite_create(*, by: User, participant: Participant) -> AccountInvite:
    """A coordinator invites a person without an account to create hers. Logs INVITED.

    InviteInvalid when the record already has an account or was merged into another one.
    """
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.user_id:
        raise InviteInvalid(_("Esta persona ya tiene cuenta."))
    if participant.merged_into_id:
        raise InviteInvalid(_("Este registro está unido a otro: invita desde el otro registro."))
    while True:
        code = _code()
        if not AccountInvite.objects.filter(code=code).exists():
            break
    invite = AccountInvite.objects.create(participant=participant, code=code, created_by=by)
    participant_event_log(participant=participant, action=ParticipantEvent.Action.INVITED, actor=by, invite=invite.pk)
    return invite


def invite_token(invite: AccountInvite) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(invite.pk))


def invite_expires_at(invite: AccountInvite):
    return invite.created_at + INVITE_MAX_AGE


def _usable(invite: AccountInvite | None) -> AccountInvite:
    if invite is None or invite.created_at < timezone.now() - INVITE_MAX_AGE:
        raise InviteInvalid(_("Esta invitación no sirve o ya venció. Pide una nueva a la coordinación."))
    if invite.claimed_at is not None or invite.participant.user_id or invite.participant.merged_into_id:
        raise InviteInvalid(_("Esta invitación ya se usó. Si ya tienes cuenta, entra con tu usuario."))
    return invite


def invite_from_token(token: str) -> AccountInvite:
    """The usable invite of a link; InviteInvalid when the signature is wrong, it is older than 30 days,
    or it was used."""
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=INVITE_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        raise InviteInvalid(_("Esta invitación no sirve o ya venció. Pide una nueva a la coordinación.")) from None
    return _usable(AccountInvite.objects.select_related("participant").filter(pk=int(pk)).first())


def invite_from_code(code: str) -> AccountInvite:
    """The usable invite of a typed code (dashes and case ignored); InviteInvalid otherwise."""
    code = code.replace("-", "").replace(" ", "").upper()
    return _usable(AccountInvite.objects.select_related("participant").filter(code=code).first())


def invite_claim(
    *,
    invite: AccountInvite,
    username: str,
    password: str,
    consent: ConsentVersion,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    phone: str = "",
) -> User:
    """Create her account (accounts' sign-up, consent accepted) and link it to the invited record. Logs
    CLAIMED. InviteInvalid when the invite was used meanwhile; IntegrityError when the username was taken."""
    with transaction.atomic():
        # Two tabs claiming one invite would create two accounts for one record: the invite row is locked
        # and checked inside the transaction that uses it.
        invite = _usable(
            AccountInvite.objects.select_for_update().select_related("participant").filter(pk=invite.pk).first()
        )
        user = user_signup(
            username=username,
            password=password,
            consent=consent,
            first_name=first_name,
            last_name=last_name,
            email=email,
            phone=phone,
        )
        participant = Participant.objects.select_for_update().get(pk=invite.participant_id)
        participant.user = user
        participant.save(update_fields=["user", "updated_at"])
        invite.claimed_at = timezone.now()
        invite.save(update_fields=["claimed_at"])
        participant_event_log(
            participant=participant, action=ParticipantEvent.Action.CLAIMED, actor=user, invite=invite.pk
        )
    return user
