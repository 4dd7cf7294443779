"""The one query layer of the indicators: the page, the exports and the command all read through here.

A whole table (every indicator split by one disaggregation) is ONE SQL query: Participant rows of the
programme, grouped by the category expression, with one filtered COUNT per indicator (numerator, and the
denominator of a percentage) over the definition's id subquery. Totals are the sums of a partition.
Everything returned has passed `suppression.suppress`; nothing here returns a person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import connection
from django.db.models import BooleanField, Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf

from cms.accounts.models import Participant, Programme
from cms.indicators import registry
from cms.indicators.registry import MISSING, Indicator, Period
from cms.indicators.suppression import Value as Figure
from cms.indicators.suppression import k_threshold, suppress
from cms.people.models import ConsentEvent, Purpose

TOTAL = "total"


@dataclass(frozen=True)
class Cell:
    """One figure as it may be shown: `value` None when suppressed (or no base for a percentage)."""

    key: str
    label: str
    n: int | None  # the people behind it (the base of a percentage); None when suppressed
    value: float | int | None
    suppressed: bool

    @property
    def display(self) -> str:
        if self.suppressed:
            return "< 5"
        if self.value is None:
            return "—"
        return f"{self.value:g}" if isinstance(self.value, float) else str(self.value)


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    disaggregation: str  # "total" or a disaggregation key
    label: str
    cells: tuple[Cell, ...]
    total: Cell

    @property
    def max_value(self) -> float:
        return max([c.value for c in self.cells if c.value is not None] + [0])


@dataclass(frozen=True)
class Report:
    programme: Programme | None
    period: Period
    rows: tuple[Row, ...]
    suppressed: int
    k: int

    def rows_for(self, code: str) -> list[Row]:
        return [row for row in self.rows if row.indicator.code == code]


def programme_population(programme: Programme | None) -> Q:
    """The people of a programme: in its centers, or without a center in one of its centers' cities.
    None: everyone in the registry (the command without --programme)."""
    if programme is None:
        return Q(merged_into__isnull=True)
    from cms.accounts.models import Center

    cities = Center.objects.filter(programme=programme).exclude(city="").values("city")  # a subquery, no round trip
    return Q(merged_into__isnull=True) & (Q(center__programme=programme) | Q(center__isnull=True, city__in=cities))


def donor_consent_withdrawn_ids() -> QuerySet:
    """Participants whose latest ledger line for the purpose "donante" (scope "") withdraws it. Correlated
    over the (small) ledger only, so the outer `IN` is computed once, not once per participant."""
    ledger = ConsentEvent.objects.filter(purpose=Purpose.DONOR_AGGREGATE, scope="")
    later = ledger.filter(participant_id=OuterRef("participant_id")).filter(
        Q(at__gt=OuterRef("at")) | Q(at=OuterRef("at"), id__gt=OuterRef("id"))
    )
    return ledger.filter(action=ConsentEvent.Action.REVOKED).exclude(Exists(later)).values("participant_id")


def category(expression, *, withdrawn_to_missing: bool = True):
    """A disaggregation's expression with NULL, "" and "prefer not to say" as MISSING, and (the consent rule,
    docs/indicators.md) every person who withdrew the donor consent in MISSING whatever her answer."""
    cleaned = Coalesce(NullIf(NullIf(expression, Value("")), Value("no_dice")), Value(MISSING))
    if not withdrawn_to_missing:
        return cleaned
    return Case(
        When(pk__in=donor_consent_withdrawn_ids(), then=Value(MISSING)),
        default=cleaned,
        output_field=CharField(),
    )


def _id_filter(source, period: Period) -> Q:
    """A Q over Participant for a numerator or denominator, its id subquery compiled to SQL once per
    (definition, period, database) and kept: building and resolving some sixty subqueries inside the page's
    big queries was most of its time. The subquery still runs inside the same SQL statement. The registry's
    contract makes this safe: a definition is a function of the period alone and returns a lazy query."""
    return Q(_compiled(source, period, connection.vendor))


@lru_cache(maxsize=1024)
def _compiled(source, period: Period, vendor: str) -> Q | RawSQL:
    ids = source(period)
    if isinstance(ids, Q):
        return ids  # a filter over Participant's own fields: cheap to resolve
    column = "user_id" if isinstance(ids, registry.UserIds) else Participant._meta.pk.column
    queryset = ids.queryset if isinstance(ids, registry.UserIds) else ids
    if not queryset.query.is_sliced:
        queryset = queryset.order_by()
    sql, params = queryset.query.sql_with_params()
    table = connection.ops.quote_name(Participant._meta.db_table)
    member = f"{table}.{connection.ops.quote_name(column)} IN ({sql})"
    return RawSQL(member, params, output_field=BooleanField())


def _aggregates(indicators: list[Indicator], period: Period, suffix: str = "") -> dict:
    counts = {}
    for index, ind in enumerate(indicators):
        if ind.numerator is None:
            continue
        numerator = _id_filter(ind.numerator, period)
        if ind.is_percent and ind.denominator is not None:
            base = _id_filter(ind.denominator, period)
            counts[f"d{index}{suffix}"] = Count("pk", filter=base)
            numerator &= base
        counts[f"n{index}{suffix}"] = Count("pk", filter=numerator)
    return counts


def _people(programme: Programme | None, filters: dict[str, str]):
    people = Participant.objects.filter(programme_population(programme)).order_by()
    for key, value in filters.items():
        if value:
            people = people.filter(registry.population_filter(key).q(value))
    return people


def _figure(ind: Indicator, row: dict, index: int) -> Figure:
    num = row.get(f"n{index}", 0) or 0
    if ind.is_percent:
        return Figure(num, row.get(f"d{index}", 0) or 0)
    return Figure(num)


def _shown(ind: Indicator, figure: Figure, suppressed: bool, key: str, label: str) -> Cell:
    if suppressed or not ind.has_data:
        return Cell(key, label, None, None, suppressed)
    if ind.is_percent:
        value = round(100 * figure.num / figure.den, 1) if figure.den else None
        return Cell(key, label, figure.den, value, False)
    return Cell(key, label, figure.num, figure.num, False)


def indicator_report(
    *,
    programme: Programme | None,
    period: Period,
    disaggregations: list[str],
    filters: dict[str, str] | None = None,
    codes: list[str] | None = None,
) -> Report:
    """Every indicator (or `codes`), its total and the requested disaggregations, suppressed together
    (the totals are shared, so the same equations hold across tables). One query per disaggregation."""
    inds = [ind for ind in registry.indicators() if codes is None or ind.code in codes]
    people = _people(programme, filters or {})
    aggregates = _aggregates(inds, period)
    tables: dict[str, dict[str, dict]] = {}
    labels: dict[str, dict[str, str]] = {}
    parents: dict[str, dict[str, str]] = {}
    for key in disaggregations:
        dis = registry.disaggregation(key)
        annotations = {"cat": category(dis.expression(period))}
        if dis.parent:
            annotations["parent_cat"] = category(registry.disaggregation(dis.parent).expression(period))
        rows = people.annotate(**annotations).values(*annotations).annotate(**aggregates) if aggregates else []
        known = {**{k: str(v) for k, v in dis.labels().items()}, MISSING: str(registry.MISSING_LABEL)}
        table, label_of, parent_of = {}, {}, {}
        for row in rows:
            cat = row["cat"]
            if dis.parent:
                parent = row["parent_cat"]
                parent_label = str(registry.MISSING_LABEL) if parent == MISSING else parent
                cat, label = f"{parent} / {cat}", f"{known.get(cat, cat)} ({parent_label})"
                parent_of[cat] = parent
            else:
                label = known.get(cat, cat)
            table[cat], label_of[cat] = row, label
        order = [c for c in known if c != MISSING] + sorted(c for c in table if c not in known) + [MISSING]
        tables[key] = {cat: table[cat] for cat in order if cat in table}
        labels[key] = {cat: label_of.get(cat, str(registry.MISSING_LABEL)) for cat in tables[key]}
        parents[key] = parent_of
    if not disaggregations:
        total_row = people.aggregate(**aggregates) if aggregates else {}
    else:
        first = tables[disaggregations[0]]
        total_row = {name: sum(row[name] for row in first.values()) for name in aggregates}
    return _suppressed_report(programme, period, inds, disaggregations, tables, labels, parents, total_row)


def _suppressed_report(programme, period, inds, keys, tables, labels, parents, total_row) -> Report:
    k = k_threshold()
    rows: list[Row] = []
    suppressed = 0
    for index, ind in enumerate(inds):
        allowed = [key for key in keys if key in ind.disaggregations]
        values: dict[Hashable, Figure] = {TOTAL: _figure(ind, total_row, index)}
        for key in allowed:
            for cat, row in tables[key].items():
                values[(key, cat)] = _figure(ind, row, index)
        equations: list[tuple[Hashable, list[Hashable]]] = [
            (TOTAL, [(key, cat) for cat in tables[key]]) for key in allowed
        ]
        for key in allowed:
            parent = registry.disaggregation(key).parent
            if parent in allowed:
                children: dict[str, list[Hashable]] = defaultdict(list)
                for cat, parent_cat in parents[key].items():
                    children[parent_cat].append((key, cat))
                equations.extend(
                    ((parent, pcat), cells) for pcat, cells in children.items() if (parent, pcat) in values
                )
        hidden = suppress(values, equations, k) if ind.has_data else set()
        suppressed += len(hidden)
        total = _shown(ind, values[TOTAL], TOTAL in hidden, TOTAL, "Total")
        rows.append(Row(ind, TOTAL, "Total", (), total))
        for key in allowed:
            cells = tuple(
                _shown(ind, values[(key, cat)], (key, cat) in hidden, cat, labels[key][cat]) for cat in tables[key]
            )
            rows.append(Row(ind, key, str(registry.disaggregation(key).label), cells, total))
    return Report(programme, period, tuple(rows), suppressed, k)


def quarters_of(year: int) -> list[Period]:
    starts = [date(year, month, 1) for month in (1, 4, 7, 10)]
    ends = [date(year, 3, 31), date(year, 6, 30), date(year, 9, 30), date(year, 12, 31)]
    return [Period(s, e) for s, e in zip(starts, ends, strict=True)]


def indicator_trend(*, programme: Programme, year: int, filters: dict[str, str] | None = None) -> list[Row]:
    """Each count indicator (people) by quarter of `year`, in ONE query. A person may count in several
    quarters, so the quarters do not add up to the year: each cell stands alone and only primary suppression
    applies. Percentages are left out: a quarter's base is too small to say much, and each would cost two
    more subqueries per quarter."""
    inds = [ind for ind in registry.indicators() if not ind.is_percent and ind.has_data]
    periods = quarters_of(year)
    aggregates: dict = {}
    for number, period in enumerate(periods):
        aggregates.update(_aggregates(inds, period, suffix=f"q{number}"))
    totals = _people(programme, filters or {}).aggregate(**aggregates) if aggregates else {}
    k = k_threshold()
    rows = []
    for index, ind in enumerate(inds):
        cells = []
        for number, _period in enumerate(periods):
            figure = _figure(ind, {k_.removesuffix(f"q{number}"): v for k_, v in totals.items()}, index)
            hidden = suppress({0: figure}, [], k)
            cells.append(_shown(ind, figure, 0 in hidden, f"T{number + 1}", f"T{number + 1}"))
        rows.append(Row(ind, "trimestre", "Trimestre", tuple(cells), Cell(TOTAL, "Total", None, None, False)))
    return rows


def programmes_visible_to(*, user):
    """Programmes whose indicators a person may see: administration all, coordination hers, donors the ones
    they fund; nobody else any."""
    from cms.accounts.roles import Role, has_role

    if has_role(user, Role.ADMIN):
        return Programme.objects.all()
    scope = Q(pk__in=[])
    if has_role(user, Role.COORDINATOR):
        scope |= Q(coordinators=user)
    if has_role(user, Role.DONOR):
        scope |= Q(donors=user)
    return Programme.objects.filter(scope).distinct()


def programme_for(*, user, slug: str) -> Programme:
    """Programme.DoesNotExist (a 404) unless the person may see its indicators."""
    return programmes_visible_to(user=user).get(slug=slug)


def targets_for(*, programme: Programme, year: int, quarter: int | None) -> dict:
    """code -> IndicatorTarget for that year (quarter None) or quarter, in one query."""
    from cms.indicators.models import IndicatorTarget

    rows = IndicatorTarget.objects.filter(programme=programme, year=year, quarter=quarter)
    return {row.indicator_code: row for row in rows}
