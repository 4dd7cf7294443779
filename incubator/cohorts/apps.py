from django.apps import AppConfig

# What coordination needs in the Wagtail admin for cohorts and ventures (see accounts.services).
COORDINATOR_PERMISSIONS = (
    "cohorts.add_cohort", "cohorts.change_cohort", "cohorts.view_cohort",
    "ventures.change_venture", "ventures.view_venture",
)


class CohortsConfig(AppConfig):
    name = "incubator.cohorts"
    label = "cohorts"

    def ready(self) -> None:
        from cms.accounts.roles import Role
        from cms.accounts.services import role_permissions_register
        from incubator.cohorts import start_tiles

        role_permissions_register(role=Role.COORDINATOR, names=COORDINATOR_PERMISSIONS)
        start_tiles.register()
