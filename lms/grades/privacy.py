"""Personal data held by the gradebook."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare, framework
from lms.grades.models import Grade, GradeItem

declare(
    Grade,
    section=_("Cuestionarios y notas"),
    title=_("Notas"),
    rows=by_user("user"),
    export=("item__course__title", "item__title", "score", "updated_at"),
    erase=reasons.COUNTS,
)
framework(GradeItem._meta.label, _("Columnas del libro de notas; no tienen datos de nadie."))
