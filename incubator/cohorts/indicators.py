"""What incubator.cohorts registers: dropout rate (with the reasons as a split), the cohort split and filter."""

from __future__ import annotations

from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import (
    Disaggregation,
    Indicator,
    Period,
    PopulationFilter,
    Unit,
    people_of_users,
    register_disaggregation,
    register_filter,
    register_indicator,
)
from incubator.cohorts.models import Cohort, Participation

HELD_A_SEAT = (Participation.Status.ACCEPTED, Participation.Status.DROPPED)


def _seats(period: Period):
    """Participations that held a seat in a cohort starting in the period."""
    return Participation.objects.filter(
        status__in=HELD_A_SEAT, cohort__start_date__gte=period.start, cohort__start_date__lte=period.end
    )


def _latest_participation(*statuses: str):
    rows = Participation.objects.filter(user_id=OuterRef("user_id"), status__in=statuses)
    return rows.order_by("-cohort__start_date", "-id")


def cohort_expression(period: Period):
    """The latest cohort in which she held a seat (its id, as text)."""
    latest = _latest_participation(*HELD_A_SEAT).values("cohort_id")[:1]
    return Cast(Subquery(latest), output_field=CharField())


def reason_expression(period: Period):
    latest = _latest_participation(Participation.Status.DROPPED).values("dropout_reason")[:1]
    return Subquery(latest)


def cohort_labels() -> dict[str, str]:
    return {str(pk): name for pk, name in Cohort.objects.values_list("pk", "name")}


def cohort_choices(programme) -> list[tuple[str, str]]:
    cities = programme.centers.values("city")  # a subquery: one query for the choices
    return [(str(pk), name) for pk, name in Cohort.objects.filter(city__in=cities).values_list("pk", "name")]


def in_cohort(value: str) -> Q:
    if not value.isdigit():
        return Q(pk__in=[])
    seats = Participation.objects.filter(cohort_id=int(value), status__in=HELD_A_SEAT).values("user_id")
    return Q(user__in=seats)


def register() -> None:
    register_disaggregation(Disaggregation("cohorte", _("Cohorte"), cohort_expression, cohort_labels, order=70))
    register_disaggregation(
        Disaggregation(
            "motivo_retiro",
            _("Motivo del retiro"),
            reason_expression,
            lambda: dict(Participation.DropoutReason.choices),
            order=80,
        )
    )
    register_filter(PopulationFilter("cohorte", _("Cohorte"), cohort_choices, in_cohort))
    register_indicator(
        Indicator(
            code="P.4",
            name=_("% que se retiró de la incubadora"),
            unit=Unit.PERCENT,
            numerator=lambda p: people_of_users(
                _seats(p).filter(status=Participation.Status.DROPPED).values("user_id")
            ),
            denominator=lambda p: people_of_users(_seats(p).values("user_id")),
            disaggregations=(*PEOPLE_SPLITS, "cohorte", "motivo_retiro"),
            source=_("De quienes tuvieron cupo en una cohorte que empezó en el periodo, cuántos se retiraron."),
            changes=(("1", _("Participaciones aceptadas o retiradas; el motivo es el del último retiro.")),),
            order=130,
        )
    )
