from django.apps import AppConfig

from cms.accounts.roles import Role


class GradesConfig(AppConfig):
    name = "lms.grades"
    label = "grades"
    # Coordination reads and corrects the gradebook in the Wagtail admin (cms.accounts.roles).
    role_permissions = {Role.COORDINATOR: ("grades.view_gradeitem", "grades.change_gradeitem")}

    def ready(self) -> None:
        from lms.grades import start_tiles, tasks

        start_tiles.register()
        tasks.register()
