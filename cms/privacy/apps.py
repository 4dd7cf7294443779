from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from cms.accounts.roles import Role


class PrivacyConfig(AppConfig):
    """The privacy rights desk: the registry of personal data, export, erasure and requests with clocks."""

    name = "cms.privacy"
    label = "privacy"
    verbose_name = _("Privacidad")
    role_permissions = {
        Role.COORDINATOR: ("privacy.view_privacyrequest",),
    }

    def ready(self) -> None:
        # Each app declares its personal data in its own privacy.py; Django's and the libraries' are here.
        autodiscover_modules("privacy")
        from cms.privacy import framework, people_path, sessions  # noqa: F401

        people_path.register()
        sessions.connect()
