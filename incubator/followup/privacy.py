"""Personal data held by the follow-up after the incubator: her answers about her business."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare
from incubator.followup.models import FollowUp

declare(
    FollowUp,
    section=_("Tu emprendimiento"),
    title=_("Seguimiento después de la incubadora"),
    rows=by_user("user"),
    export=("venture__name", "wave", "due_on", "answered_at", "operating", "income_band", "jobs", "stop_reason"),
    # Her answers stay, without her name: the survival of the programme's businesses was reported with them.
    erase=reasons.COUNTS,
)
