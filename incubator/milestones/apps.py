from django.apps import AppConfig


class MilestonesConfig(AppConfig):
    name = "incubator.milestones"
    label = "milestones"

    def ready(self) -> None:
        from incubator.cohorts.board import board_column_register
        from incubator.milestones import people_path, selectors, services, start_tiles
        from incubator.ventures.signals import venture_created

        start_tiles.register()
        people_path.register()
        board_column_register("milestones", selectors.milestone_summary_for_cohort)
        venture_created.connect(services.milestones_for_new_venture, dispatch_uid="milestones_for_new_venture")
