"""The "Próximas mentorías" tile of the start page (registered from MentoringConfig.ready)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role, roles_of
from cms.home.start import Tile, TileItem, register_start_tile
from incubator.mentoring.selectors import sessions_upcoming_for

SHOWN = 5


def next_sessions_tile(request) -> Tile:
    """The next sessions the person mentors or takes part in (one query); past ones are on the full list."""
    user = request.user
    schedules = has_role(user, Role.MENTOR, Role.COORDINATOR, Role.ADMIN)
    sessions = list(sessions_upcoming_for(user=user).prefetch_related(None)[:SHOWN])
    actions = [TileItem(label=_("Ver todas mis mentorías"), url=reverse("mentoring:list"))]
    if schedules:
        actions.append(TileItem(label=_("Programar una sesión"), url=reverse("mentoring:new")))
    return Tile(
        title=_("Próximas mentorías"),
        url=reverse("mentoring:list"),
        key="proximas-mentorias",
        items=tuple(
            TileItem(
                label=s.topic,
                url=reverse("mentoring:room", args=[s.pk]),
                note=date_format(timezone.localtime(s.starts_at), "SHORT_DATETIME_FORMAT"),
            )
            for s in sessions
        ),
        empty=_("No tienes sesiones programadas."),
        actions=tuple(actions),
    )


def _may_take_part(user) -> bool:
    """Everyone but people who are only jurors (they come for pitch day, not for mentoring)."""
    return user.is_authenticated and roles_of(user) != {Role.JURY.value}


def register() -> None:
    register_start_tile(_may_take_part, next_sessions_tile, order=12)
