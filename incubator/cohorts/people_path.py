"""The incubator's part of the coordination desk: the "Cohorte" section of a participant's path, and the
scope that lets a coordinator see the people of the cohorts she coordinates (CohortsConfig.ready)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from cms.people.hooks import PathLine, PathSection, register_path_section, register_scope
from incubator.cohorts.selectors import participations_of


def cohort_section(participant) -> PathSection | None:
    """Her applications and seats in cohorts, newest first: one query. None without an account."""
    if participant.user_id is None:
        return None
    lines = tuple(
        PathLine(label=participation.cohort.name, state=str(participation.get_status_display()))
        for participation in participations_of(user=participant.user)
    )
    return PathSection(title=_("Cohorte"), lines=lines, empty=_("No postuló a ninguna cohorte."), key="cohorte")


def cohort_scope(user) -> Q:
    """People who applied to or sit in a cohort she coordinates (a filter over Participant)."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(user__participations__cohort__coordinators=user)


def register() -> None:
    register_path_section(cohort_section, order=30)
    register_scope(cohort_scope)
