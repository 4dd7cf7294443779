from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Background jobs a person waits on (PDFs, imports, exports): the record they see, progress and retry."""

    name = "cms.jobs"
    label = "jobs"
    verbose_name = _("Trabajos en segundo plano")
