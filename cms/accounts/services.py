"""Writes of the accounts app."""

from django.contrib.auth.models import Group

from cms.accounts.roles import Role


def roles_ensure() -> dict[str, Group]:
    """Create the five role groups if missing (idempotent). Permissions are added by each area."""
    return {role.value: Group.objects.get_or_create(name=role.value)[0] for role in Role}


def user_role_set(*, user, role: str) -> None:
    """Give a user a role (adds the group; staff roles also get Wagtail admin access where needed)."""
    groups = roles_ensure()
    user.groups.add(groups[str(role)])
    if str(role) in {Role.COORDINATOR, Role.ADMIN} and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
