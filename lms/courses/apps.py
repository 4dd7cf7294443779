from django.apps import AppConfig

from cms.accounts.roles import Role


class CoursesConfig(AppConfig):
    name = "lms.courses"
    label = "courses"
    # Coordination reads enrolments in the Wagtail admin (cms.accounts.roles).
    role_permissions = {Role.COORDINATOR: ("courses.view_enrolment",)}

    def ready(self) -> None:
        # Connects the receivers that invalidate cached routes and course outlines when pages change, in
        # every process (management commands too), not only where the middleware is loaded.
        from cms import page_cache  # noqa: F401
        from lms.courses import (
            indicators,
            people_path,
            receivers,  # noqa: F401  (a published course gives new seats to the waitlist)
            start_tiles,
            tasks,
        )

        start_tiles.register()
        tasks.register()
        people_path.register()
        indicators.register()
