from django.apps import AppConfig

# Permissions coordination needs to list and revoke certificates in the Wagtail admin.
COORDINATOR_PERMISSIONS = ("certificates.view_certificate", "certificates.change_certificate")


class CertificatesConfig(AppConfig):
    name = "lms.certificates"
    label = "certificates"

    def ready(self) -> None:
        from cms.accounts.roles import Role
        from cms.accounts.services import role_permissions_register
        from lms.certificates import start_tiles
        from lms.certificates.services import on_course_completed
        from lms.courses.signals import course_completed

        course_completed.connect(on_course_completed, dispatch_uid="semilla.certificate_issue")
        role_permissions_register(role=Role.COORDINATOR, names=COORDINATOR_PERMISSIONS)
        start_tiles.register()
