from django.apps import AppConfig


class VenturesConfig(AppConfig):
    name = "incubator.ventures"
    label = "ventures"
