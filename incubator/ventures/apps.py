from django.apps import AppConfig


class VenturesConfig(AppConfig):
    name = "incubator.ventures"
    label = "ventures"

    def ready(self) -> None:
        from incubator.ventures import start_tiles

        start_tiles.register()
