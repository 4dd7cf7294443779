"""The coordinator's "Personas" tile on the start page (registered from PeopleConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.home.start import Tile, TileItem, register_start_tile
from cms.people.selectors import may_read_sensitive


def desk_tile(request) -> Tile:
    """The way to the desk: no query."""
    return Tile(
        title=_("Personas"),
        url=reverse("people:list"),
        key="personas",
        empty=_("Busca a una persona, mira su camino y registra a quien llega sin cuenta."),
        actions=(TileItem(label=_("Registrar a una persona"), url=reverse("people:register")),),
    )


def register() -> None:
    register_start_tile(may_read_sensitive, desk_tile, order=850)
