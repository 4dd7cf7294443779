"""Personal data held by H5P: results, xAPI statements (they carry her name) and saved states."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import Delete, by_user, declare
from lms.h5p.models import H5PActivity, H5PResult, H5PUserState, XAPIStatement

SECTION = _("Actividades interactivas (H5P)")

declare(
    H5PResult,
    section=SECTION,
    title=_("Resultados de actividades"),
    rows=by_user("user"),
    export=("activity__title", "completed", "success", "raw_score", "max_score", "attempts", "updated_at"),
    erase=reasons.COUNTS,
)
declare(
    XAPIStatement,
    section=SECTION,
    title=_("Registro detallado de actividades (xAPI)"),
    rows=by_user("user"),
    export=("activity__title", "verb", "received_at"),
    erase=Delete(),
)
declare(
    H5PUserState,
    section=SECTION,
    title=_("Avance guardado de actividades"),
    rows=by_user("user"),
    export=("activity__title", "updated_at"),
    erase=Delete(),
)
declare(
    H5PActivity,
    section=_("Tu trabajo en el equipo"),
    title=_("Actividades H5P que subiste"),
    rows=by_user("uploaded_by"),
    export=("title", "uploaded_at"),
    erase=reasons.STAFF,
)
