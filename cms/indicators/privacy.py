"""The indicators hold counts, never a person; only the log of who viewed or exported them names someone."""

from django.utils.translation import gettext_lazy as _

from cms.indicators.models import IndicatorAccess, IndicatorTarget
from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare, framework

declare(
    IndicatorAccess,
    section=_("Tu trabajo en coordinación"),
    title=_("Indicadores que viste o descargaste"),
    rows=by_user("user"),
    export=("programme__name", "action", "period", "cells_suppressed", "at"),
    erase=reasons.AUDIT,
)
framework(IndicatorTarget._meta.label, _("Metas de un programa; no tienen datos de personas."))
