from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "lms.offline"
    label = "offline"

    def ready(self) -> None:
        from lms.courses.module_panels import module_panel_register
        from lms.offline.views import module_offer_panel

        # The download offer shows on the module page, which courses renders without knowing this app.
        module_panel_register(module_offer_panel)
