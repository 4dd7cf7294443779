"""Writes of duplicate review: merge two records, undo a merge, say two records are different people.

Merges are never automatic (a coordinator presses "Unir"), always logged on both records, and undone
exactly: the survivor's fields that the merge filled are named in the MERGED event with their value before,
and only those are put back.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.accounts.models import PREFER_NOT, Participant, User
from cms.people.models import DuplicateHint, NotSamePerson, ParticipantEvent
from cms.people.services import participant_event_log

# Fields a merge may fill on the survivor when they are empty there. Sensitive ones are filled too (the
# person told one of her records), but their values never enter the log: only "before" (always empty).
FILLABLE = (
    "given_names",
    "surnames",
    "birth_date",
    "birth_year",
    "sex",
    "nationality",
    "document_type",
    "document_number",
    "phone",
    "province",
    "city",
    "center",
    "disability",
    "mobility",
    "children_under_5",
)
EMPTY = (None, "", PREFER_NOT)


class MergeRefused(Exception):
    """The merge or undo cannot happen; the message is plain Spanish for the page."""


def _value(participant: Participant, field: str):
    return participant.center_id if field == "center" else getattr(participant, field)


def _set(participant: Participant, field: str, value) -> None:
    if field == "center":
        participant.center_id = value
    elif field == "birth_date" and isinstance(value, str):
        participant.birth_date = date.fromisoformat(value)
    else:
        setattr(participant, field, value)


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


def survivor_of(a: Participant, b: Participant) -> tuple[Participant, Participant]:
    """(survivor, merged): the record with an account survives, else the older one. MergeRefused when both
    have an account (accounts are joined by administration, not here)."""
    if a.user_id and b.user_id:
        raise MergeRefused(
            _("Las dos fichas tienen cuenta propia. Para unirlas, pide a administración que junte las cuentas.")
        )
    if a.user_id or b.user_id:
        return (a, b) if a.user_id else (b, a)
    return (a, b) if (a.created_at, a.pk) <= (b.created_at, b.pk) else (b, a)


def _locked(*pks: int) -> list[Participant]:
    # Two coordinators merging the same pair (or one merging while another undoes) would both read
    # merged_into as empty: both rows are locked, in id order so that two merges cannot deadlock.
    rows = {p.pk: p for p in Participant.objects.select_for_update().filter(pk__in=pks).order_by("pk")}
    if len(rows) != len(set(pks)):
        raise MergeRefused(_("Uno de los registros ya no existe."))
    return [rows[pk] for pk in pks]


def _fill(survivor: Participant, merged: Participant) -> dict[str, object]:
    """Copy into the survivor the fields it lacks; returns {field: value before} of those filled."""
    before: dict[str, object] = {}
    for field in FILLABLE:
        mine, theirs = _value(survivor, field), _value(merged, field)
        if mine in EMPTY and theirs not in EMPTY:
            before[field] = _jsonable(mine)
            _set(survivor, field, theirs)
    if "document_number" in before and "document_type" not in before and survivor.document_type != merged.document_type:
        before["document_type"] = survivor.document_type  # a number keeps the type it was written with
        survivor.document_type = merged.document_type
    return before


@transaction.atomic
def participant_merge(*, by: User, a: Participant, b: Participant) -> Participant:
    """Merge two records of the same person; returns the survivor (see survivor_of).

    The other record keeps its consents, notes, reads and log (pages union them with records_of) and gets
    merged_into; empty fields of the survivor are filled from it. Logs MERGED on both. Resolves the
    sign-up hints between them. MergeRefused when either is already merged or both have accounts.
    """
    if a.pk == b.pk:
        raise MergeRefused(_("Es el mismo registro."))
    a, b = _locked(a.pk, b.pk)
    if a.merged_into_id or b.merged_into_id:
        raise MergeRefused(_("Uno de los dos registros ya está unido a otro."))
    survivor, merged = survivor_of(a, b)
    before = _fill(survivor, merged)
    survivor.save()
    merged.merged_into = survivor
    merged.save(update_fields=["merged_into", "updated_at"])
    participant_event_log(
        participant=survivor, action=ParticipantEvent.Action.MERGED, actor=by, other=merged.pk, before=before
    )
    participant_event_log(participant=merged, action=ParticipantEvent.Action.MERGED, actor=by, other=survivor.pk)
    _hints_resolve(survivor, merged)
    return survivor


@transaction.atomic
def participant_unmerge(*, by: User, merged: Participant) -> Participant:
    """Undo the merge of `merged` into its survivor: it comes back to lists, and the survivor's fields the
    merge filled get their value before (unless someone changed them since). Logs UNMERGED on both."""
    if merged.merged_into_id is None:
        raise MergeRefused(_("Este registro no está unido a otro."))
    merged, survivor = _locked(merged.pk, merged.merged_into_id)
    if merged.merged_into_id != survivor.pk:
        raise MergeRefused(_("Este registro no está unido a otro."))
    event = (
        ParticipantEvent.objects.filter(
            participant=survivor, action=ParticipantEvent.Action.MERGED, detail__other=merged.pk
        )
        .order_by("-at", "-id")
        .first()
    )
    before = event.detail.get("before", {}) if event else {}
    kept = []
    for field, value in before.items():
        if _jsonable(_value(survivor, field)) == _jsonable(_value(merged, field)):
            _set(survivor, field, value)
        else:
            kept.append(field)  # changed by someone after the merge: the newer value stays
    survivor.save()
    merged.merged_into = None
    merged.save(update_fields=["merged_into", "updated_at"])
    participant_event_log(
        participant=survivor, action=ParticipantEvent.Action.UNMERGED, actor=by, other=merged.pk, kept=kept
    )
    participant_event_log(participant=merged, action=ParticipantEvent.Action.UNMERGED, actor=by, other=survivor.pk)
    return merged


@transaction.atomic
def not_same_mark(*, by: User, a: Participant, b: Participant) -> NotSamePerson:
    """Record that two records are different people, so the pair is not proposed again (idempotent)."""
    if a.pk == b.pk:
        raise MergeRefused(_("Es el mismo registro."))
    first, second = sorted((a, b), key=lambda p: p.pk)
    pair, created = NotSamePerson.objects.get_or_create(first=first, second=second, defaults={"by": by})
    if created:
        participant_event_log(participant=first, action=ParticipantEvent.Action.NOT_SAME, actor=by, other=second.pk)
        participant_event_log(participant=second, action=ParticipantEvent.Action.NOT_SAME, actor=by, other=first.pk)
    _hints_resolve(first, second)
    return pair


def _hints_resolve(a: Participant, b: Participant) -> None:
    """Sign-up hints between these two records are answered."""
    users = [p.user_id for p in (a, b) if p.user_id]
    DuplicateHint.objects.filter(resolved_at__isnull=True).filter(Q(user__in=users, candidate__in=[a.pk, b.pk])).update(
        resolved_at=timezone.now()
    )


def hint_dismiss(*, by: User, hint: DuplicateHint) -> None:
    """A coordinator answers a sign-up hint "not the same person" (the pair is remembered)."""
    not_same_mark(by=by, a=account_record(user=hint.user), b=hint.candidate)


def account_record(*, user: User) -> Participant:
    """The registry record of an account, created (from the account's names) when it has none yet."""
    participant, _created = Participant.objects.get_or_create(
        user=user,
        defaults={"given_names": user.first_name, "surnames": user.last_name, "phone": user.phone},
    )
    return participant


def hint_merge(*, by: User, hint: DuplicateHint) -> Participant:
    """A coordinator merges the record of a new account with the existing record the hint pointed at."""
    return participant_merge(by=by, a=account_record(user=hint.user), b=hint.candidate)
