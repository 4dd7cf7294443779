from django.apps import AppConfig


class MilestonesConfig(AppConfig):
    name = "incubator.milestones"
    label = "milestones"

    def ready(self) -> None:
        from incubator.milestones import start_tiles

        start_tiles.register()
