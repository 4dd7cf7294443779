"""The cohort board: cohorts draws it, the apps above fill it in.

Its rows are ventures and its columns come from other apps (milestones), which all build on cohorts: they
register here from their AppConfig.ready(), so cohorts imports none of them."""

from dataclasses import dataclass, field


@dataclass
class BoardRow:
    """One venture on the cohort board. Other apps add their columns through `extras`."""

    venture: object
    members: list
    mentors: list
    extras: dict = field(default_factory=dict)


_rows: dict = {}
_columns: dict = {}


def board_rows_register(*, access, rows) -> None:
    """The ventures app: access(cohort=, user=) -> 'all' | 'mentor' | None, rows(cohort, user) -> [BoardRow]."""
    _rows.update(access=access, rows=rows)


def board_column_register(name: str, values) -> None:
    """A column of the board: values(cohort=) -> {venture_id: value}, shown as row.extras[name]."""
    _columns[name] = values


def board_access(*, cohort, user) -> str | None:
    """'all' for the cohort's coordinators and admins, 'mentor' for mentors of a venture in it, else None."""
    access = _rows.get("access")
    return access(cohort=cohort, user=user) if access is not None else None


def cohort_board_rows(cohort, user) -> list[BoardRow]:
    rows = _rows.get("rows")
    return rows(cohort, user) if rows is not None else []


def board_columns_fill(*, cohort, rows: list[BoardRow]) -> None:
    for name, values in _columns.items():
        found = values(cohort=cohort)
        for row in rows:
            row.extras[name] = found.get(row.venture.pk)
