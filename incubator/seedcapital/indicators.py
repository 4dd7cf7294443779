"""What incubator.seedcapital registers: 1.2b seed capital awarded AND delivered."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, people_of_users, register_indicator
from incubator.jury.models import Award
from incubator.seedcapital.models import Delivery
from incubator.ventures.models import Venture


def delivered_people(period: Period):
    """Team members of ventures with a standing award and a delivery confirmed in the period."""
    deliveries = Delivery.objects.filter(
        status=Delivery.Status.CONFIRMED,
        award__status=Award.Status.ACTIVE,
        confirmed_at__gte=period.start_at,
        confirmed_at__lt=period.end_before,
    )
    ventures = deliveries.values("award__entry__venture_id")
    return people_of_users(Venture.members.through.objects.filter(venture_id__in=ventures).values("user_id"))


def register() -> None:
    register_indicator(
        Indicator(
            code="1.2b",
            name=_("Personas con acceso a recursos económicos (capital semilla)"),
            unit=Unit.PEOPLE,
            numerator=delivered_people,
            disaggregations=(*PEOPLE_SPLITS, "cohorte"),
            source=_("Integrantes de emprendimientos con premio vigente y una entrega confirmada en el periodo."),
            changes=(("1", _("Premio vigente y entrega confirmada; no basta con ganar el pitch.")),),
            order=20,
        )
    )
