from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _last_app_with_models() -> str:
    return [config.label for config in apps.get_app_configs() if config.models_module][-1]


def _permissions_after_migrate(sender, **kwargs) -> None:
    """Give roles their permissions once every app's permissions exist (end of migrate/flush)."""
    if sender.label != _last_app_with_models():
        return
    from cms.accounts.services import role_permissions_ensure

    role_permissions_ensure()


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "accounts"

    def ready(self) -> None:
        post_migrate.connect(_permissions_after_migrate, dispatch_uid="semilla.role_permissions")
        from cms.accounts.backends import connect_signals

        connect_signals()
