from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "incubator.plans"
    label = "plans"
