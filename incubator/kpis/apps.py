from django.apps import AppConfig


class KpisConfig(AppConfig):
    name = "incubator.kpis"
    label = "kpis"
