from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "cms.home"
    label = "home"

    def ready(self) -> None:
        from cms import converters

        converters.register()
