"""Personal data held by ventures: the teams she belongs to or mentors."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare
from incubator.ventures.models import Venture

declare(
    Venture,
    section=_("Incubadora: tu emprendimiento"),
    title=_("Emprendimientos"),
    rows=by_user("members", "mentors"),
    export=("name", "sector", "description", "city", "cohort__name", "created_at"),
    erase=reasons.TEAM,
)
