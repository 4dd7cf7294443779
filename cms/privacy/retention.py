"""Retention jobs (manage.py privacy_retention): never-used accounts erased; inactive people warned, then
anonymised. Each erasure is logged as an approved request of channel "retención"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.accounts.models import Participant, User
from cms.accounts.roles import STAFF_ROLES, has_role
from cms.privacy.models import PrivacyRequest, RetentionWarning
from cms.privacy.selectors import inactive_days_of
from cms.privacy.services import person_erase_now
from cms.privacy.sessions import session_owners_prune


@dataclass
class RetentionReport:
    unused_erased: list[int] = field(default_factory=list)
    warned: list[int] = field(default_factory=list)
    anonymised: list[int] = field(default_factory=list)


def _already_erased(participant: Participant) -> bool:
    return PrivacyRequest.objects.filter(
        participant=participant, kind=PrivacyRequest.Kind.ERASE, state=PrivacyRequest.State.DONE
    ).exists()


def retention_run(*, now=None, dry_run: bool = False) -> RetentionReport:
    """One pass of the retention rules; staff accounts are never touched."""
    now = now or timezone.now()
    report = RetentionReport()
    if not dry_run:
        session_owners_prune(now=now)
    unused_before = now - timedelta(days=settings.SEMILLA_UNUSED_ACCOUNT_DAYS)
    for user in User.objects.filter(last_login__isnull=True, date_joined__lt=unused_before, is_active=True):
        if has_role(user, *STAFF_ROLES) or user.is_staff:
            continue
        report.unused_erased.append(user.pk)
        if not dry_run:
            person_erase_now(who=user, channel=PrivacyRequest.Channel.RETENTION)
    people = Participant.objects.filter(user__isnull=False, user__is_active=True, user__last_login__isnull=False)
    for participant in people.select_related("user", "center__programme"):
        user = participant.user
        if has_role(user, *STAFF_ROLES) or user.is_staff or _already_erased(participant):
            continue
        if user.last_login > now - timedelta(days=inactive_days_of(participant)):
            continue
        warning = RetentionWarning.objects.filter(participant=participant, warned_at__gt=user.last_login).first()
        if warning is None:
            report.warned.append(participant.pk)
            if not dry_run:
                RetentionWarning.objects.create(participant=participant, warned_at=now)
                if user.email:
                    send_mail(
                        _("Semilla: ¿sigues con nosotras?"),
                        ngettext(
                            "Hace mucho que no entras a Semilla. Si no entras en %(days)s día, borraremos tus datos "
                            "personales. Para seguir, solo entra con tu usuario.",
                            "Hace mucho que no entras a Semilla. Si no entras en %(days)s días, borraremos tus datos "
                            "personales. Para seguir, solo entra con tu usuario.",
                            settings.SEMILLA_INACTIVE_WARNING_DAYS,
                        )
                        % {"days": settings.SEMILLA_INACTIVE_WARNING_DAYS},
                        None,
                        [user.email],
                        fail_silently=True,
                    )
        elif warning.warned_at < now - timedelta(days=settings.SEMILLA_INACTIVE_WARNING_DAYS):
            report.anonymised.append(participant.pk)
            if not dry_run:
                person_erase_now(who=participant, channel=PrivacyRequest.Channel.RETENTION)
    return report
