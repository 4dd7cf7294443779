"""The start page ("Mi inicio") is made of tiles that the areas register here.

`cms` knows nothing about courses or ventures: `lms` and `incubator` call `register_start_tile` from their
AppConfig.ready() (through a `start_tiles.py` module) with who sees the tile and a function that builds it
from that app's selectors. A builder returns None when it has nothing to show for the person.

    register_start_tile(Role.MENTOR, reviews_tile, order=40)      # reviews_tile(request) -> Tile | None
    register_start_tile(lambda user: user.is_staff, admin_tile)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cms.accounts.roles import has_role


@dataclass(frozen=True)
class TileItem:
    """One line of a tile: a link, with an optional short note (a date, a state)."""

    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Tile:
    """A card of the start page: a title that links to the full page, an optional count, a few lines.

    `empty` is shown when there are no items (e.g. "Nada pendiente"); `actions` are extra links
    under the items (e.g. "Ver todas las cohortes").
    """

    title: str
    url: str = ""  # where the title leads; "" when the items are the only links
    count: int | None = None
    items: tuple[TileItem, ...] = ()
    empty: str = ""
    actions: tuple[TileItem, ...] = ()
    key: str = ""  # a stable name for tests and CSS (e.g. "mis-cursos")


Predicate = Callable[[object], bool]  # called with the user
Builder = Callable[[object], "Tile | None"]  # called with the request (its user, and page URLs per site)


@dataclass(frozen=True)
class _Registration:
    predicate: Predicate
    builder: Builder
    order: int
    name: str


_registry: list[_Registration] = []


def _predicate_for(who: str | Predicate) -> Predicate:
    if callable(who):
        return who
    role = str(who)
    return lambda user: has_role(user, role)


def register_start_tile(who: str | Predicate, builder: Builder, *, order: int = 100) -> None:
    """Show the tile `builder(request)` to the people `who` names: a role ("mentor") or a predicate on the user.

    Registering the same builder twice (ready() running again in tests) keeps one registration.
    """
    name = f"{builder.__module__}.{builder.__qualname__}"
    _registry[:] = [r for r in _registry if r.name != name]
    _registry.append(_Registration(predicate=_predicate_for(who), builder=builder, order=order, name=name))
    _registry.sort(key=lambda r: (r.order, r.name))


def start_tiles_for(request) -> list[Tile]:
    """The tiles the signed-in person sees, in order. Each builder reads through its own app's selectors."""
    tiles = []
    for registration in _registry:
        if not registration.predicate(request.user):
            continue
        tile = registration.builder(request)
        if tile is not None:
            tiles.append(tile)
    return tiles
