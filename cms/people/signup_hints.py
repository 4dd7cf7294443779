"""The matching at sign-up: a new account that looks like an existing record leaves a quiet hint for
coordination (DuplicateHint), never shown to the person.

`accounts` must not import `people`, so people listens: a post_save receiver on the user model queues the
scan with transaction.on_commit (an after-commit side effect: the sign-up never waits on it or fails by it).
The scan reads every record (linear, ~1 ms a record); past some thousands it is the seam for a job queue.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Q

from cms.accounts.models import Participant, User
from cms.people.matching import PersonRecord, matches_for
from cms.people.models import DuplicateHint, NotSamePerson
from cms.people.records import person_record

logger = logging.getLogger("semilla")
HINTS_KEPT = 5


def _record_of(user: User) -> PersonRecord:
    participant = Participant.objects.filter(user=user).select_related("center").first()
    if participant is not None:
        return person_record(participant)
    return PersonRecord(id="", given_names=user.first_name, surnames=user.last_name, phone=user.phone)


def signup_hints_create(*, user_id: int) -> list[DuplicateHint]:
    """Compare a new account with the registry and store a hint per likely match (at most HINTS_KEPT)."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return []
    mine = _record_of(user)
    if not (mine.given_names and mine.surnames):
        return []
    others = Participant.objects.filter(merged_into__isnull=True).exclude(user=user).select_related("center")
    people = {str(p.pk): p for p in others}
    found = matches_for(mine, [person_record(p) for p in people.values()])[:HINTS_KEPT]
    own = Participant.objects.filter(user=user).values_list("pk", flat=True).first()
    refused: set[int] = set()
    for first, second in NotSamePerson.objects.filter(Q(first=own) | Q(second=own)).values_list("first", "second"):
        refused.add(second if first == own else first)
    hints = []
    for match in found:
        candidate = people[match.b_id]
        if candidate.pk in refused:
            continue
        hint, _created = DuplicateHint.objects.get_or_create(
            user=user, candidate=candidate, defaults={"score": match.score}
        )
        hints.append(hint)
    return hints


def on_user_saved(sender, instance: User, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw or instance.is_staff or instance.is_superuser:
        return
    user_id = instance.pk

    def scan() -> None:
        try:
            signup_hints_create(user_id=user_id)
        except Exception:  # a hint is a courtesy: it never breaks a sign-up
            logger.exception("signup duplicate hint failed for user %s", user_id)

    transaction.on_commit(scan)
