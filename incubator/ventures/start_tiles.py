"""The entrepreneur's "Mis emprendimientos" tile (registered from VenturesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.home.start import Tile, TileItem, register_start_tile
from incubator.ventures.selectors import cohorts_to_start_venture, ventures_of_member


def my_ventures_tile(request) -> Tile | None:
    """Her ventures, or the invitation to create one once a cohort accepted her (two queries)."""
    ventures = ventures_of_member(user=request.user)
    can_create = bool(cohorts_to_start_venture(user=request.user))
    if not ventures and not can_create:
        return None
    actions = (TileItem(label=_("Crear mi emprendimiento"), url=reverse("ventures:create")),) if can_create else ()
    return Tile(
        title=_("Mis emprendimientos"),
        url=reverse("ventures:mine"),
        key="mis-emprendimientos",
        items=tuple(
            TileItem(label=v.name, url=reverse("ventures:detail", args=[v.pk]), note=v.cohort.name) for v in ventures
        ),
        actions=actions,
    )


def _may_have_ventures(user) -> bool:
    return user.is_authenticated


def register() -> None:
    register_start_tile(_may_have_ventures, my_ventures_tile, order=40)
