"""Personal data held by the jury: her venture's entries, the scores and comments shown to her, the results;
jurors' private notes are listed, not shown."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import Listed, by_user, declare, framework
from incubator.jury.models import (
    Assignment,
    AuditEntry,
    Award,
    Criterion,
    Entry,
    PitchEvent,
    Result,
    Rubric,
    Score,
    ScoreSheet,
)

SECTION = _("Incubadora: presentación ante el jurado")
MEMBERS = "entry__venture__members"

declare(
    PitchEvent,
    section=_("Tu trabajo en el equipo"),
    title=_("Eventos donde eres jurado"),
    rows=by_user("jurors"),
    export=("name", "starts_at"),
    erase=reasons.STAFF,
)
declare(
    Entry,
    section=SECTION,
    title=_("Presentaciones"),
    rows=by_user("venture__members"),
    export=("event__name", "venture__name", "requested_amount", "created_at"),
    erase=reasons.TEAM,
)
declare(
    Assignment,
    section=SECTION,
    title=_("Jurados asignados"),
    rows=by_user(MEMBERS, "juror"),
    export=("entry__event__name", "status"),
    erase=reasons.AUDIT,
)
declare(
    ScoreSheet,
    section=SECTION,
    title=_("Comentarios del jurado"),
    rows=by_user(f"assignment__{MEMBERS}", "assignment__juror"),
    export=("assignment__entry__event__name", "comment", "submitted_at"),
    listed=Listed(reason=reasons.JURY_PRIVATE.reason, date_field="updated_at", when=(("private_note__gt", ""),)),
    erase=reasons.AUDIT,
)
declare(
    Score,
    section=SECTION,
    title=_("Puntajes por criterio"),
    rows=by_user(f"sheet__assignment__{MEMBERS}", "sheet__assignment__juror"),
    export=("sheet__assignment__entry__event__name", "criterion__name", "level"),
    erase=reasons.AUDIT,
)
declare(
    Result,
    section=SECTION,
    title=_("Resultados"),
    rows=by_user(MEMBERS),
    export=("entry__event__name", "score", "rank", "outcome", "computed_at"),
    erase=reasons.AUDIT,
)
declare(
    Award,
    section=_("Incubadora: capital semilla"),
    title=_("Premios"),
    rows=by_user(MEMBERS),
    export=("entry__event__name", "amount", "status", "created_at"),
    erase=reasons.SEED_CAPITAL,
)
declare(
    AuditEntry,
    section=SECTION,
    title=_("Registro del evento"),
    rows=by_user(MEMBERS, "actor", "juror"),
    export=("event__name", "kind", "created_at"),
    erase=reasons.AUDIT,
)
for model in (Rubric, Criterion):
    framework(model._meta.label, _("Rúbrica del jurado; no tiene datos de nadie."))
