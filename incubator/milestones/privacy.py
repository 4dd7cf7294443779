"""Personal data held by milestones: her venture's milestones, tasks, evidence, prototypes and the mentors'
feedback she may read."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare, framework
from incubator.milestones.models import (
    Evidence,
    MentorLogEntry,
    Milestone,
    MilestoneTemplate,
    MilestoneTemplateItem,
    Prototype,
    PrototypeFeedback,
    PrototypePhoto,
    Review,
    Task,
)

SECTION = _("Incubadora: hitos y prototipos")
FEEDBACK = _("Incubadora: lo que tus mentores escribieron para ti")

declare(
    Milestone,
    section=SECTION,
    title=_("Hitos"),
    rows=by_user("venture__members"),
    export=("venture__name", "code", "title", "status", "due_date", "submitted_at", "approved_at"),
    erase=reasons.TEAM,
)
declare(
    Task,
    section=SECTION,
    title=_("Tareas"),
    rows=by_user("milestone__venture__members", "done_by"),
    export=("milestone__code", "title", "due_on", "done", "done_at"),
    erase=reasons.TEAM,
)
declare(
    Evidence,
    section=SECTION,
    title=_("Evidencias subidas"),
    rows=by_user("milestone__venture__members", "uploaded_by"),
    export=("milestone__code", "original_name", "kind", "size", "created_at"),
    erase=reasons.TEAM,
)
declare(
    Prototype,
    section=SECTION,
    title=_("Prototipos"),
    rows=by_user("venture__members", "created_by"),
    export=("venture__name", "number", "description", "created_at"),
    erase=reasons.TEAM,
)
declare(
    PrototypePhoto,
    section=SECTION,
    title=_("Fotos de prototipos"),
    rows=by_user("prototype__venture__members"),
    export=("prototype__number", "image", "created_at"),
    erase=reasons.TEAM,
)
declare(
    PrototypeFeedback,
    section=SECTION,
    title=_("Lo que dijeron tus clientes"),
    rows=by_user("prototype__venture__members", "author"),
    export=("prototype__number", "note", "created_at"),
    erase=reasons.TEAM,
)
declare(
    Review,
    section=FEEDBACK,
    title=_("Revisiones de hitos"),
    rows=by_user("milestone__venture__members", "author"),
    export=("milestone__code", "decision", "comment", "author__first_name", "author__last_name", "created_at"),
    erase=reasons.TEAM,
)
declare(
    MentorLogEntry,
    section=FEEDBACK,
    title=_("Bitácora de mentoría"),
    rows=by_user("venture__members", "author"),
    export=("seen", "next_step", "due_on", "author__first_name", "author__last_name", "created_at"),
    erase=reasons.TEAM,
)
for model in (MilestoneTemplate, MilestoneTemplateItem):
    framework(model._meta.label, _("Plantilla de hitos; no tiene datos de nadie."))
