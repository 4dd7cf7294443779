from django.apps import AppConfig

# Permissions coordination needs for the gradebook in the Wagtail admin (see accounts.services).
COORDINATOR_PERMISSIONS = ("grades.view_gradeitem", "grades.change_gradeitem")


class GradesConfig(AppConfig):
    name = "lms.grades"
    label = "grades"

    def ready(self) -> None:
        from lms.grades import start_tiles

        start_tiles.register()
        from cms.accounts.roles import Role
        from cms.accounts.services import ROLE_PERMISSIONS

        role = Role.COORDINATOR.value
        ROLE_PERMISSIONS[role] = tuple(dict.fromkeys(ROLE_PERMISSIONS.get(role, ()) + COORDINATOR_PERMISSIONS))
