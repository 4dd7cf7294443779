"""Indicator pages for coordination and donors: suppressed aggregates only, never a person."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms.accounts.models import Programme
from cms.indicators import registry
from cms.indicators.charts import Chart, bar_chart
from cms.indicators.models import IndicatorAccess, IndicatorTarget
from cms.indicators.registry import Indicator, Period
from cms.indicators.selectors import (
    Cell,
    Row,
    indicator_report,
    indicator_trend,
    programme_for,
    programmes_visible_to,
    targets_for,
)
from cms.indicators.services import indicator_access_log
from cms.indicators.tasks import FORMATS, indicators_export_job

DEFAULT_SPLIT = "ciudad"
REQUEST_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,40}")


@dataclass(frozen=True)
class Line:
    """One indicator on the page: the figures against the target, the split and its chart, the trend."""

    indicator: Indicator
    total: Cell
    target: IndicatorTarget | None
    percent_of_target: float | None
    split: Row | None
    chart: Chart | None
    trend: Row | None


@dataclass(frozen=True)
class Filters:
    year: int
    quarter: int | None
    split: str
    values: dict[str, str]

    @property
    def period(self) -> Period:
        if self.quarter:
            start = date(self.year, 3 * self.quarter - 2, 1)
            end_month = 3 * self.quarter
            end = date(self.year + end_month // 12, end_month % 12 + 1, 1).toordinal() - 1
            return Period(start, date.fromordinal(end))
        return Period(date(self.year, 1, 1), date(self.year, 12, 31))


def _filters(params) -> Filters:
    """The page's choices from a QueryDict (the GET of the page, or the POST of its export form)."""
    today = timezone.localdate()
    year = params.get("anio", "")
    year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else today.year
    quarter = params.get("trimestre", "")
    quarter = int(quarter) if quarter in ("1", "2", "3", "4") else None
    split = params.get("desagregacion", DEFAULT_SPLIT)
    if split not in {d.key for d in registry.disaggregations()}:
        split = DEFAULT_SPLIT
    values = {f.key: params.get(f.key, "") for f in registry.filters()}
    return Filters(year, quarter, split, {k: v for k, v in values.items() if v.isdigit()})


def _programme(request, slug: str) -> Programme:
    try:
        return programme_for(user=request.user, slug=slug)
    except Programme.DoesNotExist as missing:
        raise Http404 from missing


@login_required
def index(request):
    programmes = list(programmes_visible_to(user=request.user))
    if not programmes:
        raise Http404
    return render(request, "indicators/index.html", {"programmes": programmes})


def _percent_of_target(total: Cell, target: IndicatorTarget | None) -> float | None:
    if target is None or total.value is None or not target.target:
        return None
    return round(100 * float(total.value) / float(target.target), 1)


@login_required
def programme_page(request, slug: str):
    programme = _programme(request, slug)
    chosen = _filters(request.GET)
    period = chosen.period
    report = indicator_report(programme=programme, period=period, disaggregations=[chosen.split], filters=chosen.values)
    trend = {
        row.indicator.code: row for row in indicator_trend(programme=programme, year=chosen.year, filters=chosen.values)
    }
    targets = targets_for(programme=programme, year=chosen.year, quarter=chosen.quarter)
    lines = []
    for ind in registry.indicators():
        rows = report.rows_for(ind.code)
        if not rows:
            continue
        split = next((row for row in rows if row.disaggregation == chosen.split), None)
        total = rows[0].total
        target = targets.get(ind.code)
        chart = bar_chart(split) if split and ind.has_data else None
        lines.append(Line(ind, total, target, _percent_of_target(total, target), split, chart, trend.get(ind.code)))
    indicator_access_log(
        user=request.user,
        programme=programme,
        action=IndicatorAccess.Action.VIEWED,
        period=str(period),
        cells_suppressed=report.suppressed,
        detail={"desagregacion": chosen.split, **chosen.values},
    )
    context = {
        "programme": programme,
        "lines": lines,
        "chosen": chosen,
        "period": period,
        "report": report,
        "splits": registry.disaggregations(),
        "filters": [(f, f.choices(programme)) for f in registry.filters()],
        "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
        "quarters": (1, 2, 3, 4),
        "request_token": secrets.token_urlsafe(12),
    }
    return render(request, "indicators/programme.html", context)


@login_required
@require_POST
def programme_export(request, slug: str):
    """Start (or find) the export job of this page's request and go to its status page: progress, then the
    file. The whole framework, every split the definitions allow, suppressed (cms/indicators/tasks.py)."""
    programme = _programme(request, slug)
    chosen = _filters(request.POST)
    fmt = request.POST.get("formato", "")
    if fmt not in FORMATS:
        raise Http404
    token = request.POST.get("pedido", "")
    if not REQUEST_TOKEN.fullmatch(token):
        token = secrets.token_urlsafe(12)  # no token: a job of its own
    job = indicators_export_job(
        owner=request.user,
        programme=programme,
        fmt=fmt,
        period=chosen.period,
        filters=chosen.values,
        request_token=token,
    )
    return redirect("jobs:status", job_id=job.pk)
