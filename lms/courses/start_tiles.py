"""The learner's "Mis cursos" tile on the start page (registered from CoursesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.accounts.roles import Role
from cms.home.start import Tile, TileItem, register_start_tile
from lms.courses.models import Enrolment
from lms.courses.selectors import my_courses_for

SHOWN = 5


def _note(item) -> str:
    if item.enrolment.status == Enrolment.Status.WAITLISTED:
        return _("En lista de espera")
    if item.enrolment.completed_at:
        return _("Completado")
    return ngettext("%(done)s de %(total)s lección", "%(done)s de %(total)s lecciones", item.total) % {
        "done": item.done,
        "total": item.total,
    }


def my_courses_tile(request) -> Tile:
    """Her courses with how far she got (three queries, whatever the number of courses)."""
    items = my_courses_for(user=request.user, with_positions=False)
    return Tile(
        title=_("Mis cursos"),
        url=reverse("courses:my_courses"),
        key="mis-cursos",
        items=tuple(
            TileItem(label=item.enrolment.course.title, url=item.enrolment.course.get_url(request), note=_note(item))
            for item in items[:SHOWN]
        ),
        empty=_("Todavía no te inscribiste en ningún curso."),
        actions=(TileItem(label=_("Ver todos mis cursos"), url=reverse("courses:my_courses")),),
    )


def register() -> None:
    register_start_tile(Role.LEARNER, my_courses_tile, order=10)
