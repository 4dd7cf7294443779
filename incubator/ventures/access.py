"""Who may see and edit a venture: the rule every incubator page and download applies."""

from django.db.models import Q, QuerySet

from cms.accounts.roles import Role, has_role
from incubator.ventures.models import Venture


def ventures_visible_to(user) -> QuerySet[Venture]:
    """Team members, assigned mentors, coordinators of the cohort (admins: all). Nobody else."""
    if not user.is_authenticated:
        return Venture.objects.none()
    if has_role(user, Role.ADMIN):
        return Venture.objects.all()
    rule = Q(members=user) | Q(mentors=user)
    if has_role(user, Role.COORDINATOR):
        rule |= Q(cohort__coordinators=user)
    return Venture.objects.filter(rule).distinct()


def can_edit_venture(user, venture: Venture) -> bool:
    return user.is_authenticated and venture.members.filter(pk=user.pk).exists()


def can_review_venture(user, venture: Venture) -> bool:
    """Assigned mentors review; coordinators of the cohort and admins too."""
    if not user.is_authenticated:
        return False
    if has_role(user, Role.ADMIN) or venture.mentors.filter(pk=user.pk).exists():
        return True
    return has_role(user, Role.COORDINATOR) and venture.cohort.coordinators.filter(pk=user.pk).exists()
