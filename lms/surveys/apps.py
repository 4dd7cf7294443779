from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "lms.surveys"
    label = "surveys"
