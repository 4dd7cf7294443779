from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "lms.courses"
    label = "courses"
