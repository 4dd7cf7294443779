"""The roles of Semilla, stored as Django groups, and what each may do in the Wagtail admin."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "aprendiz", _("Aprendiz")
    MENTOR = "mentor", _("Mentor(a)")
    JURY = "jurado", _("Jurado")
    COORDINATOR = "coordinacion", _("Coordinación")
    ADMIN = "administracion", _("Administración")
    # Outside the programme's team: a partner organisation sees only the referrals sent to it, a donor only
    # the suppressed aggregates of the programmes it funds. Neither enters the Wagtail admin.
    PARTNER = "aliada", _("Organización aliada")
    DONOR = "donante", _("Donante")


STAFF_ROLES = frozenset({Role.MENTOR, Role.JURY, Role.COORDINATOR, Role.ADMIN})

# In a role's permissions: every permission that exists (administration).
ALL_PERMISSIONS = "*"


def role_permission_matrix() -> dict[str, tuple[str, ...]]:
    """What each role may do: role -> sorted "app_label.codename" permissions, every role present.

    The one source of the role groups' permissions. Each app declares its own part as a class attribute of
    its AppConfig, `role_permissions = {Role.COORDINATOR: ("app.codename", ...)}`; this merges them over
    the installed apps. ALL_PERMISSIONS stands for every permission. accounts.services.role_permissions_ensure
    gives them to the groups after each migrate.
    """
    matrix: dict[str, set[str]] = {role.value: set() for role in Role}
    for config in apps.get_app_configs():
        for role, names in getattr(config, "role_permissions", {}).items():
            matrix[str(role)].update(names)
    return {role: tuple(sorted(names)) for role, names in matrix.items()}


def _role_set(user, names) -> set[str]:
    roles = set(names)
    if user.is_superuser:
        roles.add(Role.ADMIN.value)
    return roles


def roles_preload(user, *, names) -> None:
    """Give `roles_of` the group names read with the person's row (accounts.backends.RolesModelBackend)."""
    user._semilla_roles = _role_set(user, names)


def roles_of(user) -> set[str]:
    """The role names of a user, cached on the instance for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_semilla_roles", None)
    if cached is None:
        cached = _role_set(user, user.groups.values_list("name", flat=True))
        user._semilla_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & {str(r) for r in roles})


def is_staff_role(user) -> bool:
    return bool(roles_of(user) & {str(r) for r in STAFF_ROLES})


def needs_second_factor(user) -> bool:
    """Coordinators, admins and anyone who can open an admin confirm their sign-in with a TOTP code."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff or user.is_superuser or has_role(user, Role.COORDINATOR, Role.ADMIN))
