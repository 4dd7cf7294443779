"""Writes of the registry: walk-in registration, corrections, consent per purpose, case notes.

Every change is a line of ParticipantEvent (append-only); sensitive values are never copied into the log.
"""

from __future__ import annotations

from django.db import transaction

from cms.accounts.models import Participant, User
from cms.people import selectors
from cms.people.models import CaseNote, ConsentEvent, ParticipantEvent, Purpose
from cms.personal_data.registry import rectified


class ConsentMissing(Exception):
    """Something needs a purpose the person has not given (or has revoked)."""


def participant_event_log(*, participant: Participant, action: str, actor: User | None, **detail) -> None:
    ParticipantEvent.objects.create(participant=participant, action=action, actor=actor, detail=detail)


@transaction.atomic
def participant_register(*, by: User, **fields) -> Participant:
    """A coordinator registers a person who came without an account (a workshop, a phone call)."""
    participant = Participant(created_by=by, **fields)
    if participant.birth_date and not participant.birth_year:
        participant.birth_year = participant.birth_date.year
    participant.full_clean()
    participant.save()
    participant_event_log(participant=participant, action=ParticipantEvent.Action.REGISTERED, actor=by)
    return participant


@transaction.atomic
def participant_register_walk_in(*, by: User, fields: dict) -> Participant:
    """Register a walk-in who accepted the training text in front of the coordinator: the record and her
    consent for training (with the current text version) are written together or not at all."""
    participant = participant_register(by=by, **fields)
    consent_give(participant=participant, purpose=Purpose.TRAINING, by=by)
    return participant


def participant_own_ensure(*, user: User) -> Participant:
    """The person's own registry record, created (empty but for her names) the first time she needs one."""
    participant, _created = Participant.objects.get_or_create(
        user=user, defaults={"given_names": user.first_name, "surnames": user.last_name}
    )
    return participant


@transaction.atomic
def participant_update(*, by: User, participant: Participant, data: dict) -> Participant:
    """Correct a record; logs which fields changed (names only, never the sensitive values)."""
    changed = [field for field, value in data.items() if getattr(participant, field) != value]
    for field in changed:
        setattr(participant, field, data[field])
    if "birth_date" in changed and participant.birth_date:
        participant.birth_year = participant.birth_date.year
    participant.full_clean()
    participant.save()
    if changed:
        participant_event_log(
            participant=participant, action=ParticipantEvent.Action.UPDATED, actor=by, fields=sorted(changed)
        )
        rectified(participant=participant, fields=sorted(changed), by=by)  # passed on to partners (LOPDP Art. 14)
    return participant


@transaction.atomic
def consent_give(*, participant: Participant, purpose: str, by: User | None, scope: str = "") -> ConsentEvent:
    """Record that she gives one purpose, with the text version she was shown."""
    text = selectors.consent_text_current(purpose=purpose)
    event = ConsentEvent.objects.create(
        participant=participant, purpose=purpose, scope=scope, action=ConsentEvent.Action.GIVEN, text=text, by=by
    )
    participant_event_log(
        participant=participant, action=ParticipantEvent.Action.CONSENT, actor=by, purpose=purpose, given=True
    )
    return event


@transaction.atomic
def consent_revoke(*, participant: Participant, purpose: str, by: User | None, scope: str = "") -> ConsentEvent:
    """Record that she takes one purpose back; as simple as giving it. Callers stop what needed it."""
    event = ConsentEvent.objects.create(
        participant=participant, purpose=purpose, scope=scope, action=ConsentEvent.Action.REVOKED, by=by
    )
    participant_event_log(
        participant=participant, action=ParticipantEvent.Action.CONSENT, actor=by, purpose=purpose, given=False
    )
    return event


def consent_require(*, participant: Participant, purpose: str, scope: str = "") -> None:
    """Raise ConsentMissing unless the purpose (and scope) is currently given."""
    if not selectors.consent_given(participant=participant, purpose=purpose, scope=scope):
        raise ConsentMissing(Purpose(purpose).label)


@transaction.atomic
def case_note_add(*, by: User, participant: Participant, body: str, shared: bool = False) -> CaseNote:
    """A coordinator writes a note about a participant (private to her unless shared)."""
    note = CaseNote(participant=participant, author=by, body=body, shared=shared)
    note.full_clean()
    note.save()
    participant_event_log(participant=participant, action=ParticipantEvent.Action.NOTE, actor=by)
    return note
