"""Writes of the follow-up: waves created from a pitch, answers saved through the signed link."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from incubator.followup.models import FollowUp

WAVES = (3, 6, 12)
GRACE_DAYS = 60  # the link stays editable two months after the wave's date


class LinkClosed(Exception):
    pass


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=min(day.day, 28))


def followup_token(followup: FollowUp) -> str:
    return salted_hmac("incubator.followup", followup.salt, algorithm="sha256").hexdigest()[:32]


def followup_check(*, pk: int, token: str) -> FollowUp:
    """The wave the link opens; FollowUp.DoesNotExist (a 404) when the token does not match."""
    followup = FollowUp.objects.select_related("venture").get(pk=pk)
    if not constant_time_compare(followup_token(followup), token):
        raise FollowUp.DoesNotExist
    return followup


def followups_create(*, venture, pitched_on: date) -> list[FollowUp]:
    """One row per team member and wave (idempotent: existing rows are kept). No other side effect."""
    made = []
    for user in venture.members.all():
        for wave in WAVES:
            due = _months_after(pitched_on, wave)
            row, _created = FollowUp.objects.get_or_create(
                venture=venture,
                user=user,
                wave=wave,
                defaults={
                    "due_on": due,
                    "editable_until": due + timedelta(days=GRACE_DAYS),
                    "salt": secrets.token_hex(16),
                },
            )
            made.append(row)
    return made


def followup_answer(
    *, followup: FollowUp, operating: bool, income_band: str, jobs: int | None, stop_reason: str
) -> FollowUp:
    """Save (or correct) the answers until `editable_until`. Raises LinkClosed after it."""
    if timezone.localdate() > followup.editable_until:
        raise LinkClosed
    with transaction.atomic():
        followup.operating = operating
        followup.income_band = income_band if operating else ""
        followup.jobs = jobs if operating else None
        followup.stop_reason = "" if operating else stop_reason
        followup.answered_at = timezone.now()
        followup.save(update_fields=["operating", "income_band", "jobs", "stop_reason", "answered_at"])
    return followup


def followups_create_for_cohort(*, cohort) -> int:
    """Waves for every venture of the cohort that pitched (its first pitch event's date). Idempotent."""
    from incubator.jury.models import Entry

    entries = Entry.objects.filter(event__cohort=cohort, venture__isnull=False).select_related("event", "venture")
    made = 0
    for entry in entries.order_by("event__starts_at"):
        made += len(followups_create(venture=entry.venture, pitched_on=timezone.localdate(entry.event.starts_at)))
    return made
