from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "cms.home"
    label = "home"

    def ready(self) -> None:
        from cms import converters
        from cms.home import start_tiles

        converters.register()
        start_tiles.register()
