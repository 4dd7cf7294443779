from django.apps import AppConfig


class KpisConfig(AppConfig):
    name = "incubator.kpis"
    label = "kpis"

    def ready(self) -> None:
        from incubator.kpis import indicators

        indicators.register()
