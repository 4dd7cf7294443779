from django.apps import AppConfig


class MilestonesConfig(AppConfig):
    name = "incubator.milestones"
    label = "milestones"
