"""Wagtail's users app with Semilla's users and groups viewsets (cms/accounts/admin_users.py).

settings.INSTALLED_APPS lists it in place of "wagtail.users". Kept apart from apps.py, which Django reads
for the accounts app's own config, and free of model imports: it loads before the app registry is ready.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class SemillaUsersConfig(WagtailUsersAppConfig):
    group_viewset = "cms.accounts.admin_users.GroupViewSet"
    user_viewset = "cms.accounts.admin_users.UserViewSet"
