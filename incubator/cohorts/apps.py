from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "incubator.cohorts"
    label = "cohorts"
