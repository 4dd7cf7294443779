"""Start page tiles of the gradebook (registered from GradesConfig.ready): the learner's own grades, and
each course's gradebook for mentors, coordination and admins."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from cms.home.start import Tile, TileItem, register_start_tile
from lms.grades.selectors import courses_graded_for, gradebook_courses_for


def my_grades_tile(request) -> Tile:
    """One link per course she takes (one query)."""
    courses = courses_graded_for(user=request.user)
    items = tuple(TileItem(label=c.title, url=reverse("grades:learner", args=[c.pk])) for c in courses)
    return Tile(
        title=_("Mis calificaciones"),
        key="mis-calificaciones",
        items=items,
        empty=_("Cuando te inscribas en un curso, aquí verás tus notas."),
    )


def gradebooks_tile(request) -> Tile | None:
    """Every course's gradebook this person may open, with the knowledge gain and the CSV (one query)."""
    courses = gradebook_courses_for(user=request.user)
    if not courses and not has_role(request.user, Role.COORDINATOR, Role.ADMIN):
        return None
    items = tuple(TileItem(label=c.title, url=reverse("grades:course", args=[c.pk])) for c in courses)
    return Tile(
        title=_("Calificaciones por curso"),
        key="calificaciones-por-curso",
        items=items,
        empty=_("Todavía no hay cursos publicados."),
    )


def _sees_gradebooks(user) -> bool:
    return has_role(user, Role.COORDINATOR, Role.ADMIN, Role.MENTOR)


def register() -> None:
    register_start_tile(Role.LEARNER, my_grades_tile, order=30)
    register_start_tile(_sees_gradebooks, gradebooks_tile, order=30)
