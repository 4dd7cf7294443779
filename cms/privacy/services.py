"""Writes of the privacy desk: filing and answering requests, erasing a person, passing on corrections."""

from __future__ import annotations

import re
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from cms.accounts.models import Participant
from cms.people.selectors import participants_visible_to
from cms.people.services import participant_own_ensure, participant_update
from cms.personal_data.registry import REDACTED, Custom, Delete, Keep, Person, Redact, declarations
from cms.privacy.models import ANSWER_DAYS, PrivacyRequest, PrivacyRequestEvent
from cms.privacy.selectors import person_of

LAST = ("accounts.Participant", "accounts.User")  # anonymised last: the others find her rows through them


class RequestRefused(Exception):
    """A request that cannot be filed or answered in this state."""


def participant_of(user) -> Participant:
    """Her registry record; created (empty) for an account that has none yet, so a request can point at it."""
    participant, _created = Participant.objects.get_or_create(user=user)
    return participant


def privacy_request_file(
    *, participant: Participant, kind: str, by, channel: str, identity_check: str = "", detail: str = ""
) -> PrivacyRequest:
    """File a request; its clock starts now (15 calendar days). A coordinator may file only for people she
    may see (Participant.DoesNotExist otherwise, a 404) and must say how she checked the identity."""
    if channel == PrivacyRequest.Channel.SELF and participant.user_id != by.pk:
        raise PermissionDenied
    if channel == PrivacyRequest.Channel.CENTER:
        participants_visible_to(user=by).get(pk=participant.pk)
        if not identity_check.strip():
            raise RequestRefused("identity_check")
    now = timezone.now()
    with transaction.atomic():
        request = PrivacyRequest.objects.create(
            participant=participant,
            kind=kind,
            channel=channel,
            filed_by=by,
            identity_check=identity_check,
            detail=detail,
            received_at=now,
            due_at=now + timedelta(days=ANSWER_DAYS),
        )
        PrivacyRequestEvent.objects.create(request=request, action=PrivacyRequestEvent.Action.FILED, actor=by)
    return request


def privacy_request_answer(*, request: PrivacyRequest, by, approve: bool, answer: str = "") -> PrivacyRequest:
    """Close an open request. Approving an erasure erases the person now. Raises RequestRefused when closed."""
    with transaction.atomic():
        # The row lock keeps two coordinators from answering (and erasing) the same request twice.
        request = PrivacyRequest.objects.select_for_update().get(pk=request.pk)
        if not request.is_open:
            raise RequestRefused("closed")
        if approve and request.kind == PrivacyRequest.Kind.ERASE:
            person_erase(person=person_of(request.participant))
            PrivacyRequestEvent.objects.create(request=request, action=PrivacyRequestEvent.Action.ERASED, actor=by)
        request.state = PrivacyRequest.State.DONE if approve else PrivacyRequest.State.REFUSED
        request.answered_at = timezone.now()
        request.answered_by = by
        request.answer = answer
        request.save(update_fields=["state", "answered_at", "answered_by", "answer"])
        action = PrivacyRequestEvent.Action.DONE if approve else PrivacyRequestEvent.Action.REFUSED
        PrivacyRequestEvent.objects.create(request=request, action=action, actor=by)
    return request


def person_erase_now(*, who, by=None, channel: str = PrivacyRequest.Channel.COMMAND) -> PrivacyRequest:
    """An erasure filed and approved at once (manage.py person_erase, retention): logged as an approved request."""
    participant = who if isinstance(who, Participant) else participant_of(who)
    with transaction.atomic():
        request = PrivacyRequest.objects.create(
            participant=participant,
            kind=PrivacyRequest.Kind.ERASE,
            channel=channel,
            filed_by=by,
            due_at=timezone.now() + timedelta(days=ANSWER_DAYS),
        )
        PrivacyRequestEvent.objects.create(request=request, action=PrivacyRequestEvent.Action.FILED, actor=by)
        return privacy_request_answer(request=request, by=by, approve=True)


RECTIFIABLE = ("given_names", "surnames", "phone")
USER_FIELDS = {"given_names": "first_name", "surnames": "last_name", "phone": "phone"}


@transaction.atomic
def person_rectify(*, user, data: dict) -> list[str]:
    """She corrects her names or phone (LOPDP Art. 14). Her registry record and her account both get the new
    values; the registry's receivers pass the correction on (referral partners); it is logged as a rectification
    request answered at once. Returns the fields that changed (nothing is logged when none did)."""
    participant = participant_own_ensure(user=user)
    data = {name: data[name] for name in RECTIFIABLE if name in data}
    changed = [name for name, value in data.items() if getattr(participant, name) != value]
    if not changed:
        return []
    participant_update(by=user, participant=participant, data=data)  # logs it and calls registry.rectified
    for name in changed:
        setattr(user, USER_FIELDS[name], data[name])
    user.save(update_fields=[USER_FIELDS[name] for name in changed])
    now = timezone.now()
    request = PrivacyRequest.objects.create(
        participant=participant,
        kind=PrivacyRequest.Kind.RECTIFY,
        channel=PrivacyRequest.Channel.SELF,
        filed_by=user,
        received_at=now,
        due_at=now + timedelta(days=ANSWER_DAYS),
        state=PrivacyRequest.State.DONE,
        answered_at=now,
        answered_by=user,
    )
    labels = ", ".join(str(_field_label(participant, name)) for name in changed)
    for action, note in (
        (PrivacyRequestEvent.Action.FILED, ""),
        (PrivacyRequestEvent.Action.RECTIFIED, labels),
        (PrivacyRequestEvent.Action.DONE, ""),
    ):
        PrivacyRequestEvent.objects.create(request=request, action=action, actor=user, note=note[:300], at=now)
    return changed


# ---- erasure ---------------------------------------------------------------------------------------------


def _identifiers(person: Person) -> list[str]:
    values = []
    if person.user is not None:
        user = person.user
        values += [user.username, user.email, user.phone, user.first_name, user.last_name, user.get_full_name()]
    if person.participant is not None:
        p = person.participant
        values += [p.full_name, p.given_names, p.surnames, p.document_number, p.phone]
    # Longest first so a full name goes before its parts; short values ("Ana") are too common to scrub safely.
    return sorted({v.strip() for v in values if v and len(v.strip()) >= 4}, key=len, reverse=True)


def _scrub(value, pattern: re.Pattern):
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_scrub(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, pattern) for k, v in value.items()}
    return value


def _scrub_kept_rows(model, pks: list, pattern: re.Pattern) -> None:
    """Her name, e-mail, phone or document written inside rows that stay (a plan's "team" section) go too."""
    limits = {
        f.name: getattr(f, "max_length", None) if isinstance(f, models.CharField) else None
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField) and not f.choices and not f.primary_key
    }
    if not limits:
        return
    for row in model._default_manager.filter(pk__in=pks).values("pk", *limits):
        changes = {name: _scrub(row[name], pattern) for name in limits}
        changes = {name: v[: limits[name]] if limits[name] and isinstance(v, str) else v for name, v in changes.items()}
        changes = {name: value for name, value in changes.items() if value != row[name]}
        if changes:
            model._default_manager.filter(pk=row["pk"]).update(**changes)


def _redact(model, queryset, fields: tuple[str, ...]) -> None:
    for name in fields:
        field = model._meta.get_field(name)
        if isinstance(field, models.JSONField):
            queryset.update(**{name: field.get_default()})
        else:
            queryset.exclude(**{name: ""}).update(**{name: REDACTED})


def person_erase(*, person: Person) -> None:
    """Erase a person as the registry says, model by model, in one transaction: rows are found first (the
    account is renamed last, and some rows are found by her username), then deleted, redacted, anonymised or
    kept; her identifiers are scrubbed from the rows that stay."""
    found = [(d, list(d.rows(person).values_list("pk", flat=True))) for d in declarations()]
    found.sort(key=lambda pair: LAST.index(pair[0].label) + 1 if pair[0].label in LAST else 0)
    mentioned = [(d.model, list(d.mentions(person).values_list("pk", flat=True))) for d in declarations() if d.mentions]
    identifiers = _identifiers(person)
    pattern = re.compile("|".join(re.escape(v) for v in identifiers), re.IGNORECASE) if identifiers else None
    with transaction.atomic():
        for declaration, pks in found:
            if not pks:
                continue
            model = declaration.model
            queryset = model._default_manager.filter(pk__in=pks)
            erase = declaration.erase
            if isinstance(erase, Delete):
                queryset.delete()
                continue
            if pattern is not None and declaration.label not in LAST:
                _scrub_kept_rows(model, pks, pattern)
            if isinstance(erase, Redact):
                _redact(model, queryset, erase.fields)
            elif isinstance(erase, Custom):
                erase.function(person, queryset)
            else:
                assert isinstance(erase, Keep)
        if pattern is not None:
            for model, pks in mentioned:
                _scrub_kept_rows(model, pks, pattern)


def _field_label(instance: models.Model, name: str) -> str:
    """The Spanish label of one of her fields, for the request's history."""
    field = instance._meta.get_field(name)
    return str(getattr(field, "verbose_name", name))
