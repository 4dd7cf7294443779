from django.apps import AppConfig

# Permissions coordination needs for the gradebook in the Wagtail admin (see accounts.services).
COORDINATOR_PERMISSIONS = ("grades.view_gradeitem", "grades.change_gradeitem")


class GradesConfig(AppConfig):
    name = "lms.grades"
    label = "grades"

    def ready(self) -> None:
        from cms.accounts.roles import Role
        from cms.accounts.services import role_permissions_register
        from lms.grades import start_tiles

        role_permissions_register(role=Role.COORDINATOR, names=COORDINATOR_PERMISSIONS)
        start_tiles.register()
