"""Personal data held by surveys: the answers she gave."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data.registry import Redact, by_user, declare
from lms.surveys.models import SatisfactionResponse

declare(
    SatisfactionResponse,
    section=_("Encuestas"),
    title=_("Tus respuestas a encuestas"),
    rows=by_user("user"),
    export=("course__title", "rating", "comment", "created_at"),
    erase=Redact("comment"),
)
