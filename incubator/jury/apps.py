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
        from cms.accounts.roles import Role
        from cms.accounts.services import role_permissions_register
        from incubator.jury import start_tiles

        role_permissions_register(role=Role.COORDINATOR, names=COORDINATOR_PERMISSIONS)
        start_tiles.register()
