"""Who may do what on pitch day: the rule every jury page, download and POST applies."""

from django.db.models import QuerySet
from django.http import Http404

from cms.accounts.roles import Role, has_role
from incubator.jury.models import Assignment, PitchEvent


def events_coordinated_by(user) -> QuerySet[PitchEvent]:
    """Events a person runs: coordinators of the event's cohort; admins all. Nobody else."""
    if not user.is_authenticated:
        return PitchEvent.objects.none()
    if has_role(user, Role.ADMIN):
        return PitchEvent.objects.all()
    if has_role(user, Role.COORDINATOR):
        return PitchEvent.objects.filter(cohort__coordinators=user).distinct()
    return PitchEvent.objects.none()


def event_for_coordinator_or_404(*, user, event_id: int) -> PitchEvent:
    """The event if this person coordinates its cohort (admins: any); 404 otherwise.
    One query (plus the cached roles), with the cohort and the rubric."""
    event = events_coordinated_by(user).select_related("cohort", "rubric").filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


def can_coordinate(user, event: PitchEvent) -> bool:
    return events_coordinated_by(user).filter(pk=event.pk).exists()


def assignments_of_juror(user) -> QuerySet[Assignment]:
    """A juror sees only the entries assigned to them, never a recused one's sheet beyond the recusal."""
    if not user.is_authenticated or not has_role(user, Role.JURY):
        return Assignment.objects.none()
    return Assignment.objects.filter(juror=user)
