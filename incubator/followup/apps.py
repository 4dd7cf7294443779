from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    """Follow-up after the incubator: 3, 6 and 12 months after the pitch, by a link the coordinator shares."""

    name = "incubator.followup"
    label = "followup"
    verbose_name = _("Seguimiento")

    def ready(self) -> None:
        from incubator.followup import indicators

        indicators.register()
