"""What lms.surveys registers: % satisfied with the training (end-of-course survey, 4 or 5 of 5)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, people_of_users, register_indicator
from cms.indicators.satisfaction import SATISFIED  # the scale every Semilla survey uses
from lms.surveys.models import SatisfactionResponse


def _answers(period: Period):
    return SatisfactionResponse.objects.filter(created_at__gte=period.start_at, created_at__lt=period.end_before)


def answered(period: Period):
    return people_of_users(_answers(period).values("user_id"))


def satisfied(period: Period):
    """Every answer of the period 4 or 5: one unhappy course is enough to not count as satisfied."""
    unhappy = _answers(period).filter(rating__lt=SATISFIED).values("user_id")
    return people_of_users(_answers(period).exclude(user__in=unhappy).values("user_id"))


def register() -> None:
    register_indicator(
        Indicator(
            code="P.3",
            name=_("% satisfecho con la formación"),
            unit=Unit.PERCENT,
            numerator=satisfied,
            denominator=answered,
            disaggregations=PEOPLE_SPLITS,
            source=_("De quienes respondieron la encuesta de fin de curso, cuántos dieron 4 o 5 en todas."),
            changes=(("1", _("Encuesta de satisfacción de fin de curso, 4 o 5 de 5.")),),
            order=120,
        )
    )
