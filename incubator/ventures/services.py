"""Writes of the ventures app: create a venture, grow or shrink its team, assign mentors."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort, Participation
from incubator.cohorts.selectors import is_cohort_coordinator
from incubator.ventures.access import can_edit_venture
from incubator.ventures.models import Venture
from incubator.ventures.signals import venture_created


class VentureError(Exception):
    """A change that is not allowed; the message is plain Spanish for the page."""


def _accepted_in(cohort: Cohort, user) -> bool:
    return Participation.objects.filter(cohort=cohort, user=user, status=Participation.Status.ACCEPTED).exists()


def _has_venture_in(cohort: Cohort, user) -> bool:
    return Venture.objects.filter(cohort=cohort, members=user).exists()


def venture_create(*, cohort: Cohort, by, name: str, sector: str, description: str, city: str) -> Venture:
    """An accepted participant starts their venture and becomes its first team member.
    One venture per person per cohort (VentureError)."""
    if not _accepted_in(cohort, by):
        raise VentureError(_("Solo las personas aceptadas en la cohorte pueden crear un emprendimiento."))
    with transaction.atomic():
        # A double click would create two ventures: lock the person's participation row while checking.
        Participation.objects.select_for_update().get(cohort=cohort, user=by)
        if _has_venture_in(cohort, by):
            raise VentureError(_("Ya tienes un emprendimiento en esta cohorte."))
        venture = Venture.objects.create(cohort=cohort, name=name, sector=sector, description=description, city=city)
        venture.members.add(by)
        venture_created.send(sender=Venture, venture=venture)
    return venture


def venture_member_add(*, venture: Venture, by, username: str):
    """A team member adds another accepted participant of the same cohort, by username."""
    if not can_edit_venture(by, venture):
        raise VentureError(_("Solo el equipo puede sumar personas."))
    user = get_user_model().objects.filter(username__iexact=username.strip()).first()
    if user is None or not _accepted_in(venture.cohort, user):
        raise VentureError(_("No encontramos a una persona aceptada en esta cohorte con ese usuario."))
    with transaction.atomic():
        # Two teams adding the same person at once: lock their participation while checking.
        Participation.objects.select_for_update().get(cohort=venture.cohort, user=user)
        if venture.members.filter(pk=user.pk).exists():
            raise VentureError(_("Esa persona ya está en el equipo."))
        if _has_venture_in(venture.cohort, user):
            raise VentureError(_("Esa persona ya está en otro emprendimiento de la cohorte."))
        venture.members.add(user)
    return user


def venture_member_remove(*, venture: Venture, by, user) -> None:
    """A team member or a coordinator of the cohort takes a person off the team. The last member stays
    (a venture always has someone who can edit it). Raises VentureError."""
    if not (can_edit_venture(by, venture) or is_cohort_coordinator(user=by, cohort=venture.cohort)):
        raise VentureError(_("Solo el equipo o la coordinación de la cohorte pueden quitar personas."))
    with transaction.atomic():
        # Two members removing each other at the same moment would leave nobody: lock the venture row.
        Venture.objects.select_for_update().get(pk=venture.pk)
        if not venture.members.filter(pk=user.pk).exists():
            raise VentureError(_("Esa persona ya no está en el equipo."))
        if venture.members.count() <= 1:
            raise VentureError(_("No se puede quitar a la última persona del equipo."))
        venture.members.remove(user)


def venture_mentors_set(*, venture: Venture, mentors, by) -> None:
    """A coordinator of the cohort (or an admin) sets the venture's mentors; each must have the mentor role."""
    if not is_cohort_coordinator(user=by, cohort=venture.cohort):
        raise VentureError(_("Solo la coordinación de la cohorte asigna mentores."))
    mentors = list(mentors)
    if any(not has_role(m, Role.MENTOR) for m in mentors):
        raise VentureError(_("Solo se pueden asignar personas con rol de mentor(a)."))
    venture.mentors.set(mentors)
