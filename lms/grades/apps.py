from django.apps import AppConfig


class GradesConfig(AppConfig):
    name = "lms.grades"
    label = "grades"
