"""Personal data held by cohorts: her application and participation."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import Listed, Redact, by_user, declare, framework
from incubator.cohorts.models import (
    CatchUpItem,
    CatchUpTemplateItem,
    Cohort,
    Participation,
    ParticipationEvent,
    ReplacementInterview,
)

SECTION = _("Incubadora: cohortes")

declare(
    Participation,
    section=SECTION,
    title=_("Tu participación en cohortes"),
    rows=by_user("user"),
    export=("cohort__name", "status", "motivation", "dropout_reason", "dropout_note", "created_at"),
    erase=Redact("motivation", "dropout_note"),
)
declare(
    ParticipationEvent,
    section=SECTION,
    title=_("Historial de tu participación"),
    rows=by_user("participation__user"),
    export=("participation__cohort__name", "kind", "detail", "created_at"),
    erase=Redact("detail"),
)
declare(
    CatchUpItem,
    section=SECTION,
    title=_("Tareas para ponerte al día"),
    rows=by_user("participation__user"),
    export=("text", "done_at"),
    erase=reasons.COUNTS,
)
declare(
    Cohort,
    section=_("Tu trabajo en el equipo"),
    title=_("Cohortes que coordinas"),
    rows=by_user("coordinators"),
    export=("name", "city", "start_date"),
    erase=reasons.STAFF,
)
framework(CatchUpTemplateItem._meta.label, _("Plantilla de tareas; no tiene datos de nadie."))
declare(
    ReplacementInterview,
    section=SECTION,
    title=_("Entrevistas para un cupo libre"),
    rows=by_user("candidate"),
    export=("cohort__name", "held_on", "suitable"),
    listed=Listed(reason=reasons.CASE_NOTES.reason, date_field="created_at", when=(("notes__gt", ""),)),
    erase=Redact("notes"),
)
