from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "incubator.mentoring"
    label = "mentoring"
    verbose_name = "Mentorías"

    def ready(self) -> None:
        from incubator.mentoring import start_tiles

        start_tiles.register()
