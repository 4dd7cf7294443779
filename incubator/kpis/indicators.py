"""What incubator.kpis registers: 1.2a improved economic inclusion.

Completed a course in the period AND (a measured knowledge gain, paired tests up to the period's end, OR an
income increase: a month of the period with more income than the venture's first recorded month)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, people_of_users, register_indicator
from incubator.kpis.models import MonthlyFigure
from incubator.ventures.models import Venture
from lms.courses.indicators import completed_training_users
from lms.quizzes.indicators import improved_users


def income_increase_users(period: Period):
    first = MonthlyFigure.objects.filter(venture_id=OuterRef("venture_id")).order_by("month").values("income")[:1]
    grew = MonthlyFigure.objects.filter(month__gte=period.start.replace(day=1), month__lte=period.end)
    grew = grew.filter(income__gt=Subquery(first)).values("venture_id")
    return Venture.members.through.objects.filter(venture_id__in=grew).values("user_id")


def improved_inclusion(period: Period):
    since_ever = Period(date(2000, 1, 1), period.end)
    better = Q(pk__in=improved_users(since_ever)) | Q(pk__in=income_increase_users(period))
    users = get_user_model().objects.filter(pk__in=completed_training_users(period)).filter(better)
    return people_of_users(users.values("pk"))


def register() -> None:
    register_indicator(
        Indicator(
            code="1.2a",
            name=_("Personas que mejoraron su inclusión económica"),
            unit=Unit.PEOPLE,
            numerator=improved_inclusion,
            disaggregations=(*PEOPLE_SPLITS, "cohorte"),
            source=_(
                "Terminaron un curso en el periodo y subieron su nota (prueba de entrada y final) o sus ingresos "
                "en el diario de cifras."
            ),
            changes=(("1", _("Curso terminado y mejora de conocimientos o de ingresos.")),),
            order=10,
        )
    )
