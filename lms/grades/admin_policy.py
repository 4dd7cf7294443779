"""A Wagtail permission policy for records the platform creates itself (grade items, certificates)."""

from wagtail.permission_policies import ModelPermissionPolicy

NEVER_BY_HAND = frozenset({"add", "delete", "copy"})


class EditOnlyPolicy(ModelPermissionPolicy):
    """Staff may list and edit these records, never add or delete them by hand."""

    def user_has_permission(self, user, action):
        if action in NEVER_BY_HAND:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [a for a in actions if a not in NEVER_BY_HAND]
        if not actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(actions)
