from django.apps import AppConfig

from cms.accounts.roles import Role


class CohortsConfig(AppConfig):
    name = "incubator.cohorts"
    label = "cohorts"
    # What coordination needs in the Wagtail admin for cohorts and ventures (cms.accounts.roles).
    role_permissions = {
        Role.COORDINATOR: (
            "cohorts.add_cohort",
            "cohorts.change_cohort",
            "cohorts.view_cohort",
            "ventures.change_venture",
            "ventures.view_venture",
        ),
    }

    def ready(self) -> None:
        from incubator.cohorts import indicators, people_path, start_tiles

        start_tiles.register()
        people_path.register()
        indicators.register()
