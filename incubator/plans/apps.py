from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "incubator.plans"
    label = "plans"

    def ready(self) -> None:
        from incubator.plans import tasks

        tasks.register()
