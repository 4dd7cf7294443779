"""The referral-based indicators (2.1b childcare, 2.3b credit), waiting for the referrals app.

The referrals app (`cms.referrals`, label `referrals`) is built on another branch. These definitions read
it through ONE selector it must provide (the protocol):

    cms.referrals.selectors.attended_participant_ids(*, service: str, start: datetime, end: datetime,
                                                      with_credit: bool = False) -> QuerySet
        ids of Participants with a referral of that service type in the state "atendida" whose
        attended_at is in [start, end); with_credit=True keeps the financial referrals that ended in credit.

`register_if_installed()` is called from IndicatorsConfig.ready(): when the app is not installed, nothing is
registered (the page does not show the two lines) and nothing is imported.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, register_indicator

CHILDCARE = "childcare"
FINANCIAL = "financial"


def _attended(service: str, *, with_credit: bool = False):
    def ids(period: Period):
        from cms.referrals.selectors import attended_participant_ids  # the app may not be installed

        return attended_participant_ids(
            service=service, start=period.start_at, end=period.end_before, with_credit=with_credit
        )

    return ids


def referral_indicators() -> list[Indicator]:
    return [
        Indicator(
            code="2.1b",
            name=_("Madres y padres que usaron el cuidado infantil"),
            unit=Unit.PEOPLE,
            numerator=_attended(CHILDCARE),
            disaggregations=PEOPLE_SPLITS,
            source=_("Personas con una derivación a cuidado infantil marcada como atendida en el periodo."),
            changes=(("1", _("Derivaciones de cuidado infantil atendidas.")),),
            order=60,
        ),
        Indicator(
            code="2.3b",
            name=_("Personas que accedieron a crédito"),
            unit=Unit.PEOPLE,
            numerator=_attended(FINANCIAL, with_credit=True),
            disaggregations=PEOPLE_SPLITS,
            source=_("Personas con una derivación a servicios financieros atendida y con crédito en el periodo."),
            changes=(("1", _("Derivaciones financieras atendidas con crédito.")),),
            order=80,
        ),
    ]


def register_if_installed() -> bool:
    if not apps.is_installed("cms.referrals"):
        return False
    for ind in referral_indicators():
        register_indicator(ind)
    return True
