from django.apps import AppConfig

from cms.accounts.roles import Role


class CertificatesConfig(AppConfig):
    name = "lms.certificates"
    label = "certificates"
    # Coordination lists and revokes certificates in the Wagtail admin (cms.accounts.roles).
    role_permissions = {Role.COORDINATOR: ("certificates.view_certificate", "certificates.change_certificate")}

    def ready(self) -> None:
        from lms.certificates import people_path, start_tiles, tasks
        from lms.certificates.services import on_course_completed
        from lms.courses.signals import course_completed

        course_completed.connect(on_course_completed, dispatch_uid="semilla.certificate_issue")
        start_tiles.register()
        tasks.register()
        people_path.register()
