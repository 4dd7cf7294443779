from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "lms.courses"
    label = "courses"

    def ready(self) -> None:
        from lms.courses import receivers  # noqa: F401  (connects the outline cache invalidation)
