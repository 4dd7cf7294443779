"""What higher areas add to the registry without `cms` importing them (one-way house).

- A participant's path (courses, cohort, venture, awards) is made of sections that `lms` and `incubator`
  register from their AppConfig.ready():  `register_path_section(courses_section, order=10)`, where
  `courses_section(participant) -> PathSection | None`.
- A coordinator's scope grows with what she coordinates elsewhere: `register_scope(cohort_scope)`, where
  `cohort_scope(user) -> Q` over Participant (e.g. people in the cohorts she coordinates).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class PathLine:
    """One line of a path section: what, its state, and a link for staff when there is one."""

    label: str
    state: str = ""
    url: str = ""


@dataclass(frozen=True)
class PathSection:
    title: str
    lines: tuple[PathLine, ...] = ()
    empty: str = ""
    key: str = ""


PathBuilder = Callable[[object], "PathSection | None"]  # called with the Participant
ScopeBuilder = Callable[[object], Q]  # called with the user; a filter over Participant

_path_sections: list[tuple[int, str, PathBuilder]] = []
_scopes: list[tuple[str, ScopeBuilder]] = []


def register_path_section(builder: PathBuilder, *, order: int = 50) -> None:
    """Add (once, by qualified name) a section to every participant's path page."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    if all(existing != name for _order, existing, _b in _path_sections):
        _path_sections.append((order, name, builder))
        _path_sections.sort(key=lambda entry: (entry[0], entry[1]))


def register_scope(builder: ScopeBuilder) -> None:
    """Add (once) a way a coordinator comes to work with participants."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    if all(existing != name for existing, _b in _scopes):
        _scopes.append((name, builder))


def path_sections_for(participant) -> list[PathSection]:
    return [section for _o, _n, builder in _path_sections if (section := builder(participant)) is not None]


def extra_scope_for(user) -> Q:
    """The union of the registered scopes (an empty filter matches nothing)."""
    combined = Q(pk__in=[])
    for _name, builder in _scopes:
        combined |= builder(user)
    return combined
