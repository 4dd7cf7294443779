"""Start page tiles of the milestones app (registered from MilestonesConfig.ready): what a mentor has to
review, and what is overdue in a coordinator's cohorts."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from cms.home.start import Tile, TileItem, register_start_tile
from incubator.milestones.selectors import milestones_overdue_for_coordinator, milestones_to_review_for

SHOWN = 8


def _item(milestone) -> TileItem:
    return TileItem(
        label=f"{milestone.venture.name}: {milestone.title}",
        url=reverse("milestones:detail", args=[milestone.pk]),
        note=date_format(milestone.due_date, "SHORT_DATE_FORMAT"),
    )


def to_review_tile(request) -> Tile:
    milestones = milestones_to_review_for(user=request.user)
    return Tile(
        title=_("Hitos por revisar"),
        key="hitos-por-revisar",
        count=len(milestones) or None,
        items=tuple(_item(m) for m in milestones[:SHOWN]),
        empty=_("Nada por revisar por ahora."),
        actions=(TileItem(label=_("Emprendimientos que acompañas"), url=reverse("ventures:mine")),),
    )


def overdue_tile(request) -> Tile:
    milestones = milestones_overdue_for_coordinator(user=request.user, is_admin=has_role(request.user, Role.ADMIN))
    return Tile(
        title=_("Hitos atrasados"),
        key="hitos-atrasados",
        count=len(milestones) or None,
        items=tuple(_item(m) for m in milestones[:SHOWN]),
        empty=_("No hay hitos atrasados."),
    )


def _coordinates(user) -> bool:
    return has_role(user, Role.COORDINATOR, Role.ADMIN)


def register() -> None:
    register_start_tile(Role.MENTOR, to_review_tile, order=15)
    register_start_tile(_coordinates, overdue_tile, order=15)
