from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate

from cms.accounts.roles import ALL_PERMISSIONS, Role


def _last_app_with_models() -> str:
    return [config.label for config in apps.get_app_configs() if config.models_module][-1]


def _permissions_after_migrate(sender, **kwargs) -> None:
    """Give roles their permissions once every app's permissions exist (end of migrate/flush)."""
    if sender.label != _last_app_with_models():
        return
    from django.contrib.auth.management import create_permissions

    from cms.accounts.services import role_permissions_ensure

    # This receiver is connected before auth's own, so the last app's permissions do not exist yet:
    # create them first (idempotent), or administration would miss them.
    create_permissions(sender, **{k: v for k, v in kwargs.items() if k in ("verbosity", "using", "apps")})
    role_permissions_ensure()


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "accounts"
    # The project-wide part of the role matrix (cms.accounts.roles.role_permission_matrix): coordination
    # enters the Wagtail admin, publishes consent texts and uploads images and documents; administration
    # gets every permission.
    role_permissions = {
        Role.COORDINATOR: (
            "wagtailadmin.access_admin",
            "accounts.add_consentversion",
            "accounts.view_consentversion",
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
        ),
        Role.ADMIN: (ALL_PERMISSIONS,),
    }

    def ready(self) -> None:
        post_migrate.connect(_permissions_after_migrate, dispatch_uid="semilla.role_permissions")
        from cms.accounts.backends import connect_signals

        connect_signals()
