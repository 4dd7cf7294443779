"""The registry of personal data: every model that holds data about a person says, next to the model (in its
app's `privacy.py`), how her rows are found, exported and erased. Like Moodle's privacy providers.

Declaring a model is a few lines:

    from cms.personal_data.registry import Redact, by_user, declare

    declare(
        SatisfactionResponse,
        section=_("Encuestas"),
        rows=by_user("user"),
        export=("course__title", "rating", "comment", "created_at"),
        erase=Redact("comment"),
    )

Erasure never deletes the account row: it is anonymised in place (cms/privacy/services.py), so rows that
point at her keep pointing at a person nobody can name, and the counts of the past do not change.
The privacy app (cms/privacy) imports every app's privacy.py at start-up and does the export and erasure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

REDACTED = "[eliminado]"


@dataclass(frozen=True)
class Person:
    """Whom a request is about: her account (may be None for walk-ins) and her registry record (may be None)."""

    user: Any
    participant: Any


# ---- how her rows are found -------------------------------------------------------------------------------

Rows = Callable[[Person], QuerySet]


@dataclass(frozen=True)
class By:
    """Rows whose relation `paths` (e.g. "user", "attempt__user", "members") point at her account ("user")
    or her registry record ("participant"); bound to a model by declare()."""

    attribute: str
    paths: tuple[str, ...]

    def bind(self, model: type[models.Model]) -> Rows:
        def rows(person: Person) -> QuerySet:
            target = getattr(person, self.attribute)
            if target is None:
                return model._default_manager.none()
            query = Q()
            for path in self.paths:
                query |= Q(**{path: target.pk if path == "pk" else target})
            return model._default_manager.filter(query).distinct()

        return rows


def by_user(*paths: str) -> By:
    """Rows whose `path` (e.g. "user", "attempt__user", "members") is her account."""
    return By("user", paths)


def by_participant(*paths: str) -> By:
    """Rows whose `path` is her registry record."""
    return By("participant", paths)


# ---- what erasure does with them ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Delete:
    """Her rows are removed."""

    def describe(self) -> str:
        return str(_("Se borra."))


@dataclass(frozen=True)
class Redact:
    """Free text she wrote is replaced by "[eliminado]"; the row stays because others' context needs it
    (a conversation, a review thread). JSON fields are emptied."""

    fields: tuple[str, ...]

    def __init__(self, *fields: str):
        object.__setattr__(self, "fields", fields)

    def describe(self) -> str:
        return str(_("Se queda sin tu texto: lo que escribiste se cambia por «[eliminado]»."))


@dataclass(frozen=True)
class Keep:
    """Rows stay as they are: they point at an account nobody can name any more. `reason` says why in plain
    words; `legal_basis` names the rule (a law's article, or "interés legítimo" for counts); `years` how long
    when a law sets it (None: as long as the record it belongs to)."""

    reason: str
    legal_basis: str = ""
    years: int | None = None

    def describe(self) -> str:
        return str(self.reason)


@dataclass(frozen=True)
class Custom:
    """A function of (person, queryset) that erases; `description` says what it does, in Spanish."""

    function: Callable[[Person, QuerySet], None]
    description: str

    def describe(self) -> str:
        return str(self.description)


Erase = Delete | Redact | Keep | Custom


# ---- what her copy shows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """Rows others wrote about her that she may not read (a juror's private note, a case note): her copy
    lists that they exist, how many and when, with the reason they are not shown."""

    reason: str
    date_field: str = ""
    when: tuple[tuple[str, Any], ...] = ()  # a filter of the rows that count, e.g. (("private_note__gt", ""),)


Export = tuple[str, ...] | Callable[[QuerySet], list[dict]] | Listed | None


@dataclass(frozen=True)
class Declaration:
    model: type[models.Model]
    section: str
    rows: Rows
    export: Export
    erase: Erase
    title: str
    listed: Listed | None = None
    mentions: Rows | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label


_registry: dict[str, Declaration] = {}
_framework: dict[str, str] = {}


def declare(
    model: type[models.Model],
    *,
    section: str,
    rows: By | Rows,
    export: Export,
    erase: Erase,
    title: str = "",
    listed: Listed | None = None,
    mentions: By | Rows | None = None,
) -> Declaration:
    """Register how `model`'s rows about a person are found, exported and erased. `rows` is by_user(...),
    by_participant(...) or a function person -> queryset. `export` is a tuple of field paths, a function
    queryset -> list of dicts, Listed(reason) or None (nothing of hers to show); `listed` adds a Listed part
    (a row she sees whose private part she does not); `mentions` finds rows others wrote where her name may
    appear (messages in a room she was in): erasure replaces her identifiers there and leaves the rest."""
    if isinstance(rows, By):
        rows = rows.bind(model)
    if isinstance(mentions, By):
        mentions = mentions.bind(model)
    declaration = Declaration(
        model=model,
        section=str(section),
        rows=rows,
        export=export,
        erase=erase,
        title=str(title or model._meta.verbose_name_plural),
        listed=listed,
        mentions=mentions,
    )
    _registry[model._meta.label] = declaration
    return declaration


def framework(label: str, handled_by: str) -> None:
    """A model of Django or a library that holds no data of hers, or whose data is handled elsewhere."""
    _framework[label] = handled_by


def declarations() -> list[Declaration]:
    return list(_registry.values())


def declaration_for(model: type[models.Model]) -> Declaration | None:
    return _registry.get(model._meta.label)


def framework_models() -> dict[str, str]:
    return dict(_framework)


# ---- turning rows into JSON-able dicts -------------------------------------------------------------------


def jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "name") and hasattr(value, "url"):  # a FieldFile
        return value.name or ""
    if isinstance(value, models.Model):
        return str(value)
    return value


def rows_as_dicts(queryset: QuerySet, fields: Iterable[str]) -> list[dict]:
    fields = tuple(fields)
    return [{name: jsonable(row[name]) for name in fields} for row in queryset.values(*fields)]


# ---- rectification (LOPDP Art. 14) ---------------------------------------------------------------------------

# fn(participant=, fields=, by=) is called after a person's data is corrected. The referrals app appends here
# the passing-on of the correction to every partner that received one of those fields.
on_rectified: list[Callable] = []


def rectified(*, participant, fields: list[str], by) -> None:
    """Tell the registered receivers that `fields` of `participant` were corrected."""
    for receiver in on_rectified:
        receiver(participant=participant, fields=fields, by=by)
