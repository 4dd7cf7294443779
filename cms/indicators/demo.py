"""Demo targets for the indicators page (idempotent): a yearly baseline and target per programme."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from cms.accounts.models import Programme
from cms.indicators.models import IndicatorTarget
from cms.indicators.registry import indicators

# Modest targets in the spirit of the seed's framework, scaled to a demo of a few dozen people.
DEMO_TARGETS = {"A": 40, "1.2a": 10, "1.2b": 6, "1.3a": 15, "2.1b": 8, "2.3a": 20, "2.3b": 5}
DEMO_PERCENT_TARGETS = {"P.1": 80, "P.2": 70, "P.3": 60, "P.4": 10, "P.5": 60}


def indicators_demo_ensure() -> int:
    """Create the missing yearly targets of this year for every programme; returns how many were new."""
    year = timezone.localdate().year
    known = {ind.code for ind in indicators()}
    created = 0
    for programme in Programme.objects.all():
        for code, target in {**DEMO_TARGETS, **DEMO_PERCENT_TARGETS}.items():
            if code not in known:
                continue
            _row, new = IndicatorTarget.objects.get_or_create(
                programme=programme,
                indicator_code=code,
                year=year,
                quarter=None,
                defaults={"baseline": Decimal(0), "target": Decimal(target)},
            )
            created += new
    return created
