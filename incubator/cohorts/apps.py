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
        from incubator.cohorts import start_tiles

        start_tiles.register()
        from cms.accounts.roles import Role
        from cms.accounts.services import ROLE_PERMISSIONS

        role = Role.COORDINATOR.value
        ROLE_PERMISSIONS[role] = tuple(dict.fromkeys(ROLE_PERMISSIONS.get(role, ()) + COORDINATOR_PERMISSIONS))
