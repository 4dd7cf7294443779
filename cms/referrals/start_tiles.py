"""Start page tiles: coordination's referrals (with the overdue count), a partner's inbox, the person's own."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from cms.home.start import Tile, register_start_tile
from cms.referrals import selectors


def coordination_tile(request) -> Tile:
    overdue = selectors.referrals_overdue(user=request.user).count()
    return Tile(
        title=_("Derivaciones"),
        url=reverse("referrals:list"),
        count=overdue or None,
        key="derivaciones",
        empty=_("%(count)s atrasadas.") % {"count": overdue} if overdue else _("Ninguna atrasada."),
    )


def partner_tile(request) -> Tile:
    count = selectors.referrals_for_partner(user=request.user).count()
    return Tile(
        title=_("Derivaciones recibidas"),
        url=reverse("referrals:partner_list"),
        count=count,
        key="derivaciones-recibidas",
        empty=_("No hay derivaciones abiertas."),
    )


def person_tile(request) -> Tile | None:
    if not selectors.referrals_of_person(user=request.user).exists():
        return None
    return Tile(title=_("Mis derivaciones"), url=reverse("referrals:mine"), key="mis-derivaciones")


def register() -> None:
    register_start_tile(lambda user: has_role(user, Role.COORDINATOR, Role.ADMIN), coordination_tile, order=60)
    register_start_tile(Role.PARTNER, partner_tile, order=10)
    register_start_tile(Role.LEARNER, person_tile, order=70)
