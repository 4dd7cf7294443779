"""Personal data held by KPIs: her venture's monthly figures and cash book."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare
from incubator.kpis.models import CashEntry, MonthlyFigure

SECTION = _("Incubadora: indicadores de tu emprendimiento")

declare(
    MonthlyFigure,
    section=SECTION,
    title=_("Cifras del mes"),
    rows=by_user("venture__members"),
    export=("venture__name", "month", "sales", "income", "costs", "customers", "jobs", "source"),
    erase=reasons.TEAM,
)
declare(
    CashEntry,
    section=SECTION,
    title=_("Libro de caja"),
    rows=by_user("venture__members", "created_by"),
    export=("venture__name", "date", "kind", "amount", "note", "created_at"),
    erase=reasons.TEAM,
)
