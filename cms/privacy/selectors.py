"""Reads of the privacy desk: her export, what erasure would do, who read her data, the requests' list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from cms.accounts.models import Participant
from cms.accounts.roles import Role
from cms.people.selectors import participants_visible_to, sensitive_reads_of
from cms.personal_data.registry import Declaration, Keep, Listed, Person, declarations, jsonable, rows_as_dicts
from cms.privacy.models import PrivacyRequest, RetentionWarning

SCHEMA = "semilla.person-export"
SCHEMA_VERSION = 1


def _rows(declaration: Declaration, person: Person) -> QuerySet:
    return declaration.rows(person)


def _listed(declaration: Declaration, listed: Listed, rows: QuerySet) -> dict | None:
    rows = rows.filter(**dict(listed.when)) if listed.when else rows
    count = rows.count()
    if not count:
        return None
    dates = []
    if listed.date_field:
        dates = [jsonable(d) for d in rows.order_by(listed.date_field).values_list(listed.date_field, flat=True)]
    return {"count": count, "dates": dates, "reason": str(listed.reason)}


def _item(declaration: Declaration, person: Person) -> dict | None:
    rows = _rows(declaration, person)
    item: dict = {"model": declaration.label, "title": declaration.title}
    export = declaration.export
    if isinstance(export, Listed):
        listed = _listed(declaration, export, rows)
        if listed is None:
            return None
        item["listed"] = listed
        return item
    if export is None:
        return None
    data = export(rows) if callable(export) else rows_as_dicts(rows, export)
    if not data:
        return None
    item["rows"] = data
    if declaration.listed is not None:
        listed = _listed(declaration, declaration.listed, rows)
        if listed is not None:
            item["listed"] = listed
    return item


def person_export(*, who) -> dict:
    """Everything Semilla holds about a person (a User or a Participant), as one JSON-able document: one
    section per area, in the order the apps declared them."""
    person = person_of(who)
    sections: dict[str, list[dict]] = {}
    for declaration in declarations():
        item = _item(declaration, person)
        if item is not None:
            sections.setdefault(declaration.section, []).append(item)
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generated_at": timezone.now().isoformat(),
        "sections": [{"title": title, "items": items} for title, items in sections.items()],
    }


@dataclass(frozen=True)
class ErasureLine:
    title: str
    count: int
    what: str
    kept: bool
    legal_basis: str
    years: int | None


def erasure_preview(*, who) -> list[ErasureLine]:
    """What erasing this person would do, per kind of record she has: erased lines first, then kept ones."""
    person = person_of(who)
    lines = []
    for declaration in declarations():
        count = _rows(declaration, person).count()
        if not count:
            continue
        erase = declaration.erase
        kept = isinstance(erase, Keep)
        lines.append(
            ErasureLine(
                title=declaration.title,
                count=count,
                what=erase.describe(),
                kept=kept,
                legal_basis=str(erase.legal_basis) if isinstance(erase, Keep) else "",
                years=erase.years if isinstance(erase, Keep) else None,
            )
        )
    return sorted(lines, key=lambda line: line.kept)


def _field_label(name: str) -> str:
    return str(getattr(Participant._meta.get_field(name), "verbose_name", name))


def who_read_my_data(*, participant: Participant | None):
    """Reads of her sensitive fields by others, newest first, with the field's Spanish label."""
    if participant is None:
        return []
    labels = {name: _field_label(name) for name in Participant.SENSITIVE_FIELDS}
    reads = sensitive_reads_of(participant=participant).order_by("-at", "-id")
    return [(read, labels.get(read.field, read.field), _role_labels(read.reader_role)) for read in reads]


def _role_labels(stored: str) -> str:
    """Stored roles as Spanish labels, e.g. "Aprendiz, Coordinación" (as the reader had them then)."""
    labels = []
    for value in filter(None, stored.split(",")):
        try:
            labels.append(str(Role(value).label))
        except ValueError:
            labels.append(value)
    return ", ".join(labels)


def requests_of(*, participant: Participant | None) -> QuerySet[PrivacyRequest]:
    if participant is None:
        return PrivacyRequest.objects.none()
    return PrivacyRequest.objects.filter(participant=participant).order_by("-received_at")


def requests_visible_to(*, user) -> QuerySet[PrivacyRequest]:
    """Requests of the people this coordinator may see; open ones first, the most urgent on top."""
    return (
        PrivacyRequest.objects.filter(participant__in=participants_visible_to(user=user))
        .select_related("participant", "filed_by")
        .order_by("-state", "due_at")
    )


def request_for(*, user, pk: int) -> PrivacyRequest:
    return requests_visible_to(user=user).get(pk=pk)


def person_of(who) -> Person:
    """The Person a request is about, from her account or her registry record."""
    if isinstance(who, Participant):
        return Person(user=who.user, participant=who)
    return Person(user=who, participant=Participant.objects.filter(user=who).first())


# ---- retention ---------------------------------------------------------------------------------------------


def inactive_days_of(participant: Participant) -> int:
    """After how many days without signing in her data is anonymised: her programme's period, or the default."""
    center = participant.center
    programme = center.programme.slug if center is not None else ""
    return settings.SEMILLA_INACTIVE_DAYS_BY_PROGRAMME.get(programme, settings.SEMILLA_INACTIVE_DAYS)


@dataclass(frozen=True)
class RetentionNotice:
    """What her start page says about an inactivity warning: when it came, the date her data would be
    anonymised, whether signing in since has already kept her account, and how often she must sign in."""

    warned_at: datetime
    erase_on: datetime
    kept: bool
    every_days: int

    @property
    def every_years(self) -> int | None:
        return self.every_days // 365 if self.every_days % 365 == 0 else None


def retention_notice_for(*, user, now: datetime | None = None) -> RetentionNotice | None:
    """Her latest inactivity warning while its deadline has not passed (None otherwise). Signing in after the
    warning keeps her account (the retention job counts from her last sign-in): then `kept` is True."""
    if not user.is_authenticated:
        return None
    now = now or timezone.now()
    warning = (
        RetentionWarning.objects.filter(participant__user=user)
        .select_related("participant__center__programme")
        .order_by("-warned_at", "-id")
        .first()
    )
    if warning is None:
        return None
    erase_on = warning.warned_at + timedelta(days=settings.SEMILLA_INACTIVE_WARNING_DAYS)
    if erase_on <= now:
        return None
    return RetentionNotice(
        warned_at=warning.warned_at,
        erase_on=erase_on,
        kept=bool(user.last_login and user.last_login > warning.warned_at),
        every_days=inactive_days_of(warning.participant),
    )
