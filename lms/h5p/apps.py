from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Coordination uploads H5P activities and edits their title and grading in the Wagtail admin (see
# accounts.services); deleting one stays with administration, since lessons may embed it.
COORDINATOR_PERMISSIONS = ("h5p.add_h5pactivity", "h5p.change_h5pactivity", "h5p.view_h5pactivity")


class H5PConfig(AppConfig):
    name = "lms.h5p"
    label = "h5p"
    verbose_name = _("Actividades H5P")

    def ready(self) -> None:
        from cms.accounts.roles import Role
        from cms.accounts.services import role_permissions_register
        from lms.courses.blocks import lesson_block_register
        from lms.h5p.blocks import H5PBlock

        role_permissions_register(role=Role.COORDINATOR, names=COORDINATOR_PERMISSIONS)
        lesson_block_register("h5p", H5PBlock())
