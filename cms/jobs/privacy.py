"""Personal data held by background jobs: what a person asked to be generated, and its file."""

from django.utils.translation import gettext_lazy as _

from cms.jobs.models import Job
from cms.personal_data.registry import Delete, by_user, declare

declare(
    Job,
    section=_("Tu cuenta y tu perfil"),
    title=_("Archivos que pediste generar"),
    rows=by_user("owner"),
    export=("kind", "state", "result_name", "created_at", "finished_at"),
    erase=Delete(),
)
