"""Reads of the accounts app."""

from django.db.models import Q, QuerySet

from cms.accounts.models import ConsentVersion, Profile, User
from cms.accounts.roles import STAFF_ROLES, Role, is_staff_role


def consent_current() -> ConsentVersion | None:
    """The newest published consent text, or None before any is published."""
    return ConsentVersion.objects.order_by("-published_at", "-id").first()


def consent_needed_by(*, user) -> bool:
    """True when a learner has not accepted the current consent text (staff sign other papers)."""
    if not user.is_authenticated or is_staff_role(user):
        return False
    current = consent_current()
    return current is not None and user.consent_version_id != current.id


def profile_for(*, user) -> Profile:
    """The person's own profile, unsaved and empty if they never filled it in."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        return Profile(user=user)


def learners_list(*, search: str = "") -> QuerySet[User]:
    """People with the learner role (and no staff role), for the coordinators' list."""
    staff = [str(role) for role in STAFF_ROLES]
    users = (
        User.objects.filter(groups__name=Role.LEARNER.value)
        .exclude(groups__name__in=staff)
        .exclude(is_superuser=True)
        .distinct()
        .order_by("username")
    )
    if search:
        users = users.filter(
            Q(username__icontains=search) | Q(first_name__icontains=search)
            | Q(last_name__icontains=search) | Q(phone__icontains=search)
        )
    return users
