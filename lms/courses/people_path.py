"""The "Cursos" section of a participant's path on the coordination desk (registered in CoursesConfig.ready)."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.people.hooks import PathLine, PathSection, register_path_section
from lms.courses.selectors import my_courses_for


def _state(item) -> str:
    enrolment = item.enrolment
    if enrolment.completed_at:
        return _("Completado el %(date)s") % {"date": date_format(enrolment.completed_at, "SHORT_DATE_FORMAT")}
    if enrolment.is_waitlisted:
        return str(enrolment.get_status_display())
    return ngettext(
        "%(done)s de %(total)s lección (%(percent)s %%)", "%(done)s de %(total)s lecciones (%(percent)s %%)", item.total
    ) % {
        "done": item.done,
        "total": item.total,
        "percent": item.percent,
    }


def courses_section(participant) -> PathSection:
    """Her courses with progress or completion: three queries, whatever the number of courses."""
    title = _("Cursos")
    if participant.user_id is None:
        return PathSection(title=title, empty=_("Todavía no tiene cuenta: no toma cursos en línea."), key="cursos")
    lines = tuple(
        PathLine(label=item.enrolment.course.title, state=_state(item))
        for item in my_courses_for(user=participant.user, with_positions=False)
    )
    return PathSection(title=title, lines=lines, empty=_("No está inscrita en ningún curso."), key="cursos")


def register() -> None:
    register_path_section(courses_section, order=10)
