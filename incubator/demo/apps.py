from django.apps import AppConfig


class IncubatorDemoConfig(AppConfig):
    name = "incubator.demo"
    label = "incubator_demo"
