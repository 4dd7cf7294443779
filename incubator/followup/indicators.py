"""What incubator.followup registers: survival, % of ventures' people still operating at 12 months."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, people_of_users, register_indicator
from incubator.followup.models import FollowUp


def _answered(period: Period):
    return FollowUp.objects.filter(
        wave=FollowUp.Wave.M12, answered_at__gte=period.start_at, answered_at__lt=period.end_before
    )


def register() -> None:
    register_indicator(
        Indicator(
            code="P.5",
            name=_("% de emprendimientos que siguen funcionando a los 12 meses"),
            unit=Unit.PERCENT,
            numerator=lambda p: people_of_users(_answered(p).filter(operating=True).values("user_id")),
            denominator=lambda p: people_of_users(_answered(p).values("user_id")),
            disaggregations=(*PEOPLE_SPLITS, "cohorte"),
            source=_(
                "De quienes respondieron el seguimiento de 12 meses en el periodo, cuántos siguen con su negocio."
            ),
            changes=(("1", _("Respuestas del seguimiento a 12 meses del pitch, contadas por persona.")),),
            order=140,
        )
    )
