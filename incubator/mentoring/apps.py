from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "incubator.mentoring"
    label = "mentoring"
    verbose_name = "Mentorías"
