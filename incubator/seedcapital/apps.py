from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeedCapitalConfig(AppConfig):
    name = "incubator.seedcapital"
    label = "seedcapital"
    verbose_name = _("Capital semilla")

    def ready(self) -> None:
        from incubator.seedcapital import indicators

        indicators.register()
