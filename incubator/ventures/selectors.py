"""Reads of the ventures app; every read goes through the access rule in access.py."""

from django.db.models import QuerySet
from django.http import Http404

from incubator.cohorts.board import BoardRow
from incubator.cohorts.models import Participation
from incubator.cohorts.selectors import is_cohort_coordinator
from incubator.ventures.access import ventures_visible_to
from incubator.ventures.models import Venture


def my_ventures(*, user) -> QuerySet[Venture]:
    """Mis emprendimientos: what this person may see, with cohort, team and mentors: 3 queries."""
    return (
        ventures_visible_to(user)
        .select_related("cohort")
        .prefetch_related("members", "mentors")
        .order_by("cohort__name", "name")
    )


def ventures_of_member(*, user) -> list[Venture]:
    """The ventures whose team the person is on (not the ones she mentors or coordinates): one query."""
    return list(Venture.objects.filter(members=user).select_related("cohort").order_by("name"))


def venture_or_404(*, user, pk: int) -> Venture:
    """The venture, with its cohort, if the person may see it; 404 otherwise (its existence is not revealed).
    One query."""
    venture = (
        Venture.objects.select_related("cohort").filter(pk=pk, pk__in=ventures_visible_to(user).values("pk")).first()
    )
    if venture is None:
        raise Http404
    return venture


def venture_with_team_or_none(*, user, pk: int) -> Venture | None:
    """The venture with its cohort, team, mentors and coordinators if the person may see it, else None.
    Four queries."""
    return (
        ventures_visible_to(user)
        .filter(pk=pk)
        .select_related("cohort")
        .prefetch_related("members", "mentors", "cohort__coordinators")
        .first()
    )


def cohorts_to_start_venture(*, user) -> list:
    """Cohorts where this person is accepted and has no venture yet."""
    taken = Venture.objects.filter(members=user).values("cohort_id")
    return [
        p.cohort
        for p in Participation.objects.filter(user=user, status=Participation.Status.ACCEPTED)
        .exclude(cohort_id__in=taken)
        .select_related("cohort")
    ]


def board_access(*, cohort, user) -> str | None:
    """'all' for the cohort's coordinators and admins, 'mentor' for mentors of a venture in it, else None."""
    if is_cohort_coordinator(user=user, cohort=cohort):
        return "all"
    if user.is_authenticated and Venture.objects.filter(cohort=cohort, mentors=user).exists():
        return "mentor"
    return None


def cohort_board_rows(cohort, user) -> list[BoardRow]:
    """The board rows this person may see (mentors: only their ventures), team and mentors prefetched:
    3 queries whatever the number of ventures (plus the access check)."""
    access = board_access(cohort=cohort, user=user)
    if access is None:
        return []
    ventures = Venture.objects.filter(cohort=cohort)
    if access == "mentor":
        ventures = ventures.filter(mentors=user)
    ventures = ventures.prefetch_related("members", "mentors").order_by("name")
    return [BoardRow(venture=v, members=list(v.members.all()), mentors=list(v.mentors.all())) for v in ventures]
