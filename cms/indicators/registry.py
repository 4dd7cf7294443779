"""The indicator registry: definitions in code, registered by the areas that hold the data (one-way house).

An area registers from its AppConfig.ready():

    from cms.indicators.registry import Indicator, register_indicator
    register_indicator(Indicator(code="2.3a", name=NAME, unit=Unit.PEOPLE, numerator=fn, ...))

`NAME` is a lazily translated Spanish name (gettext_lazy).

`numerator(period)` and `denominator(period)` return which Participants count: a queryset of Participant ids
(`values("pk")`, or over any model `values_list("participant_id", flat=True)`), `people_of_users(user ids)`,
or a Q over Participant. The engine intersects it with the programme's population, so a definition never
filters by programme itself. A definition depends on the period alone and returns a lazy query (it reads no
rows while it is built, nor the clock): the engine compiles its SQL once per period and keeps it.
Higher areas may also register a disaggregation (`register_disaggregation`, e.g. the incubator's cohort)
and a population filter (`register_filter`, e.g. "only this cohort").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Expression, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Unit:
    PEOPLE = "personas"
    PERCENT = "%"


@dataclass(frozen=True)
class Period:
    """A closed range of days [start, end]; the bounds are dates in the project's time zone."""

    start: date
    end: date

    @property
    def start_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_before(self) -> datetime:
        """The first instant after the period, for `created_at__lt=`."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def instants(self) -> dict[str, datetime]:
        return {"gte": self.start_at, "lt": self.end_before}

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


IdSource = Callable[[Period], "QuerySet | UserIds | Q"]


@dataclass(frozen=True)
class Indicator:
    """One line of a results framework, computed from what Semilla records.

    `numerator` is None when Semilla does not record what the indicator needs: it shows "Sin datos".
    `changes` says what each version changed, newest first, e.g. (("2", "Cuenta solo entregas confirmadas."),).
    """

    code: str
    name: str | Promise
    unit: str
    numerator: IdSource | None
    denominator: IdSource | None = None
    disaggregations: tuple[str, ...] = ()
    version: str = "1"
    changes: tuple[tuple[str, str | Promise], ...] = ()
    source: str | Promise = ""  # what it counts, in plain words, for the page and docs
    order: int = 50

    @property
    def is_percent(self) -> bool:
        return self.unit == Unit.PERCENT

    @property
    def has_data(self) -> bool:
        return self.numerator is not None


@dataclass(frozen=True)
class Disaggregation:
    """A way to split people: an SQL expression over Participant giving a category key per person.

    `expression(period)` is annotated on Participant; `labels()` maps keys to display labels in order
    (keys missing there are shown as they are, after the known ones). MISSING covers NULL and "".
    """

    key: str
    label: str | Promise
    expression: Callable[[Period], Expression]
    labels: Callable[[], dict[str, str]]
    parent: str = ""  # a coarser disaggregation it nests in (city in province): "total = sum" is checked
    order: int = 50


@dataclass(frozen=True)
class PopulationFilter:
    """A filter of the page (e.g. the incubator's cohort): choices for a programme, and a Q over Participant."""

    key: str
    label: str | Promise
    choices: Callable[[object], list[tuple[str, str]]]
    q: Callable[[str], Q]


MISSING = "sin_dato"
MISSING_LABEL = _("Sin dato")

_indicators: dict[str, Indicator] = {}
_disaggregations: dict[str, Disaggregation] = {}
_filters: dict[str, PopulationFilter] = {}


def register_indicator(indicator: Indicator) -> None:
    """Add or replace (same code: the reload of a definition) an indicator."""
    _indicators[indicator.code] = indicator


def register_disaggregation(disaggregation: Disaggregation) -> None:
    _disaggregations[disaggregation.key] = disaggregation


def register_filter(population_filter: PopulationFilter) -> None:
    _filters[population_filter.key] = population_filter


def unregister_indicator(code: str) -> None:
    """For tests that register a throwaway definition."""
    _indicators.pop(code, None)


def indicators() -> list[Indicator]:
    return sorted(_indicators.values(), key=lambda ind: (ind.order, _code_key(ind.code)))


def indicator(code: str) -> Indicator:
    return _indicators[code]


def disaggregations() -> list[Disaggregation]:
    return sorted(_disaggregations.values(), key=lambda d: (d.order, d.key))


def disaggregation(key: str) -> Disaggregation:
    return _disaggregations[key]


def filters() -> list[PopulationFilter]:
    return sorted(_filters.values(), key=lambda f: f.key)


def population_filter(key: str) -> PopulationFilter:
    return _filters[key]


def _code_key(code: str) -> tuple:
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in code.replace(".", " ").split())


@dataclass(frozen=True)
class Stamp:
    """What an export says about itself: the definitions' versions, the period, when it was made."""

    versions: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    period: str = ""
    generated_at: str = ""


@dataclass(frozen=True)
class UserIds:
    """Account ids standing for their Participants: the engine filters `user_id IN (...)` directly, which
    spares SQLite one scan of the registry per indicator (see people_of_users)."""

    queryset: QuerySet


def people_of_users(user_ids: QuerySet) -> UserIds:
    """The Participants of the accounts in `user_ids` (a values/values_list queryset of user ids)."""
    return UserIds(user_ids)


def as_filter(ids) -> Q:
    """A Q over Participant from what a numerator or denominator returned."""
    if isinstance(ids, Q):
        return ids  # already a filter over Participant
    if isinstance(ids, UserIds):
        return Q(user__in=ids.queryset)
    return Q(pk__in=ids)
