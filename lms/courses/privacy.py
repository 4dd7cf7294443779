"""Personal data held by courses: enrolments and lessons done."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare, framework
from lms.courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentEvent,
    LessonCompletion,
    LessonPage,
    ModulePage,
)

SECTION = _("Cursos")

declare(
    Enrolment,
    section=SECTION,
    title=_("Inscripciones"),
    rows=by_user("user"),
    export=("course__title", "status", "source", "created_at", "completed_at"),
    erase=reasons.COUNTS,
)
declare(
    EnrolmentEvent,
    section=SECTION,
    title=_("Historial de inscripciones"),
    rows=by_user("enrolment__user"),
    export=("enrolment__course__title", "kind", "detail", "created_at"),
    erase=reasons.AUDIT,
)
declare(
    LessonCompletion,
    section=SECTION,
    title=_("Lecciones terminadas"),
    rows=by_user("user"),
    export=("course__title", "lesson__title", "completed_at"),
    erase=reasons.COUNTS,
)
declare(
    CoursePage,
    section=_("Tu trabajo en el equipo"),
    title=_("Cursos donde eres mentora o mentor"),
    rows=by_user("mentors"),
    export=("title",),
    erase=reasons.STAFF,
)
for page in (CourseIndexPage, ModulePage, LessonPage):
    framework(page._meta.label, _("Página del sitio: su autoría está en wagtailcore.Page."))
