from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.accounts.roles import Role


class IndicatorsConfig(AppConfig):
    """Donor indicators: definitions registered by the areas, targets per programme, suppressed tables."""

    name = "cms.indicators"
    label = "indicators"
    verbose_name = _("Indicadores")
    role_permissions = {
        Role.COORDINATOR: (
            "indicators.view_indicatortarget",
            "indicators.add_indicatortarget",
            "indicators.change_indicatortarget",
            "indicators.delete_indicatortarget",
        ),
    }

    def ready(self) -> None:
        from cms.indicators import definitions, tasks

        definitions.register()
        tasks.register()
