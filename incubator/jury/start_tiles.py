"""Start page tiles of pitch day (registered from JuryConfig.ready): the juror's pitches to score, the
events a coordinator runs, and each team's private result."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from cms.home.start import Tile, TileItem, register_start_tile
from incubator.jury.access import events_coordinated_by
from incubator.jury.selectors.entrepreneur import my_pitch_entries
from incubator.jury.selectors.juror import SheetState, my_pitches

DONE = (SheetState.SUBMITTED, SheetState.RECUSED)


def pitches_to_score_tile(request) -> Tile:
    """Each sheet still to declare or score, leading straight to it (one query)."""
    rows = [row for group in my_pitches(user=request.user) for row in group.rows if row.state not in DONE]
    items = tuple(
        TileItem(
            label=str(row.assignment.entry),
            note=row.label,
            url=reverse(
                "jury:conflict" if row.state == SheetState.CONFLICT else "jury:sheet", args=[row.assignment.entry_id]
            ),
        )
        for row in rows
    )
    return Tile(
        title=_("Pitches por calificar"),
        url=reverse("jury:my_pitches"),
        key="pitches-por-calificar",
        count=len(items) or None,
        items=items,
        empty=_("No tienes hojas pendientes."),
        actions=(TileItem(label=_("Ver todos mis pitches"), url=reverse("jury:my_pitches")),),
    )


def events_tile(request) -> Tile | None:
    """The pitch events the coordinator runs: open ones lead to their preparation, closed ones to results."""
    events = list(events_coordinated_by(request.user).order_by("-starts_at"))
    if not events:
        return None
    return Tile(
        title=_("Eventos de pitch"),
        url=reverse("jury:my_pitches"),
        key="eventos-de-pitch",
        items=tuple(
            TileItem(
                label=e.name,
                url=reverse("jury:results" if e.is_closed else "jury:setup", args=[e.pk]),
                note=e.get_status_display(),
            )
            for e in events
        ),
    )


def my_pitch_results_tile(request) -> Tile | None:
    entries = my_pitch_entries(user=request.user)
    if not entries:
        return None
    return Tile(
        title=_("Mis resultados del pitch"),
        url=reverse("jury:my_results"),
        key="mis-resultados-pitch",
        items=tuple(TileItem(label=e.event.name, url=reverse("jury:my_results"), note=e.venture.name) for e in entries),
    )


def _coordinates(user) -> bool:
    return has_role(user, Role.COORDINATOR, Role.ADMIN)


def register() -> None:
    register_start_tile(Role.JURY, pitches_to_score_tile, order=1)
    register_start_tile(_coordinates, events_tile, order=20)
    register_start_tile(Role.LEARNER, my_pitch_results_tile, order=45)
