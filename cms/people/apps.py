from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.accounts.roles import Role


class PeopleConfig(AppConfig):
    """The participants' registry: consent per purpose, sensitive reads, case notes, duplicates."""

    name = "cms.people"
    label = "people"
    verbose_name = _("Participantes")
    role_permissions = {
        Role.COORDINATOR: (
            "accounts.view_participant",
            "accounts.add_participant",
            "accounts.change_participant",
            "accounts.view_programme",
            "accounts.view_center",
            "people.view_consenttext",
            "people.add_consenttext",
        ),
    }

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import post_save

        from cms.people import start_tiles
        from cms.people.signup_hints import on_user_saved

        start_tiles.register()
        # The matching at sign-up, after commit (accounts does not know people exists).
        post_save.connect(on_user_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="people_signup_hints")
