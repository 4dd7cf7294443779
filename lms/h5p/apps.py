from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.accounts.roles import Role


class H5PConfig(AppConfig):
    name = "lms.h5p"
    label = "h5p"
    verbose_name = _("Actividades H5P")
    # Coordination uploads H5P activities and edits their title and grading in the Wagtail admin
    # (cms.accounts.roles); deleting one stays with administration, since lessons may embed it.
    role_permissions = {Role.COORDINATOR: ("h5p.add_h5pactivity", "h5p.change_h5pactivity", "h5p.view_h5pactivity")}

    def ready(self) -> None:
        from lms.courses.blocks import lesson_block_register
        from lms.h5p.blocks import H5PBlock

        lesson_block_register("h5p", H5PBlock())
