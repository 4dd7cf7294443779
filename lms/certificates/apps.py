from django.apps import AppConfig

# Permissions coordination needs to list and revoke certificates in the Wagtail admin.
COORDINATOR_PERMISSIONS = ("certificates.view_certificate", "certificates.change_certificate")


class CertificatesConfig(AppConfig):
    name = "lms.certificates"
    label = "certificates"

    def ready(self) -> None:
        from lms.certificates import start_tiles

        start_tiles.register()
        from cms.accounts.roles import Role
        from cms.accounts.services import ROLE_PERMISSIONS
        from lms.certificates.services import on_course_completed
        from lms.courses.signals import course_completed

        course_completed.connect(on_course_completed, dispatch_uid="semilla.certificate_issue")
        role = Role.COORDINATOR.value
        ROLE_PERMISSIONS[role] = tuple(dict.fromkeys(ROLE_PERMISSIONS.get(role, ()) + COORDINATOR_PERMISSIONS))
