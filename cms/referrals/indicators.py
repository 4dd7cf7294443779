"""The donor indicators that come from referrals: 2.1b (childcare) and 2.3b (credit).

Registered from ReferralsConfig.ready() in cms.indicators' registry (indicators never imports referrals).
A referral counts once its service was received (attended_at set), even if it was closed or revoked later.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, register_indicator
from cms.referrals.models import ServiceType
from cms.referrals.selectors import referrals_attended


def _attended(service_type: str):
    def ids(period: Period):
        attended = referrals_attended(service_type=service_type, since=period.start_at, until=period.end_before)
        return attended.values("participant_id")

    return ids


def referral_indicators() -> list[Indicator]:
    return [
        Indicator(
            code="2.1b",
            name=_("Madres y padres que usaron el cuidado infantil"),
            unit=Unit.PEOPLE,
            numerator=_attended(ServiceType.CHILDCARE),
            disaggregations=PEOPLE_SPLITS,
            source=_("Personas con una derivación a cuidado infantil marcada como atendida en el periodo."),
            changes=(("1", _("Derivaciones de cuidado infantil atendidas.")),),
            order=60,
        ),
        Indicator(
            code="2.3b",
            name=_("Personas que accedieron a crédito"),
            unit=Unit.PEOPLE,
            numerator=_attended(ServiceType.CREDIT),
            disaggregations=PEOPLE_SPLITS,
            source=_("Personas con una derivación a crédito atendida en el periodo."),
            changes=(("1", _("Derivaciones a crédito atendidas.")),),
            order=80,
        ),
    ]


def register() -> None:
    for indicator in referral_indicators():
        register_indicator(indicator)
