from django.apps import AppConfig

from cms.accounts.roles import Role


class MentoringConfig(AppConfig):
    name = "incubator.mentoring"
    label = "mentoring"
    verbose_name = "Mentorías"
    # Coordination manages mentoring sessions and reads attendance in the Wagtail admin (cms.accounts.roles).
    role_permissions = {
        Role.COORDINATOR: (
            "mentoring.add_mentoringsession",
            "mentoring.change_mentoringsession",
            "mentoring.delete_mentoringsession",
            "mentoring.view_mentoringsession",
            "mentoring.view_attendance",
        ),
    }

    def ready(self) -> None:
        from incubator.mentoring import start_tiles, tasks

        start_tiles.register()
        tasks.register()
