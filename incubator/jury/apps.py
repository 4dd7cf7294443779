from django.apps import AppConfig

from cms.accounts.roles import Role


class JuryConfig(AppConfig):
    name = "incubator.jury"
    label = "jury"
    verbose_name = "Jurado"
    # What coordination needs in the Wagtail admin for rubrics and pitch events (cms.accounts.roles).
    role_permissions = {
        Role.COORDINATOR: (
            "jury.add_rubric",
            "jury.change_rubric",
            "jury.view_rubric",
            "jury.add_pitchevent",
            "jury.change_pitchevent",
            "jury.view_pitchevent",
        ),
    }

    def ready(self) -> None:
        from incubator.jury import people_path, start_tiles, tasks

        start_tiles.register()
        tasks.register()
        people_path.register()
