from django.apps import AppConfig

# What coordination needs in the Wagtail admin for rubrics and pitch events (see accounts.services).
COORDINATOR_PERMISSIONS = (
    "jury.add_rubric", "jury.change_rubric", "jury.view_rubric",
    "jury.add_pitchevent", "jury.change_pitchevent", "jury.view_pitchevent",
)


class JuryConfig(AppConfig):
    name = "incubator.jury"
    label = "jury"
    verbose_name = "Jurado"

    def ready(self) -> None:
        from incubator.jury import start_tiles

        start_tiles.register()
        from cms.accounts.roles import Role
        from cms.accounts.services import ROLE_PERMISSIONS

        role = Role.COORDINATOR.value
        ROLE_PERMISSIONS[role] = tuple(dict.fromkeys(ROLE_PERMISSIONS.get(role, ()) + COORDINATOR_PERMISSIONS))
