"""KPI pages: figures, the cash diary and SVG charts, all working without JavaScript."""

from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from incubator.kpis import selectors, services
from incubator.kpis.charts import MonthPoint, kpi_chart
from incubator.kpis.forms import CashEntryForm, MonthlyFigureForm
from incubator.ventures.access import can_edit_venture
from incubator.ventures.selectors import venture_or_404

# The months a diary can show: the page links to the month before and after, which must exist as dates too.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _month_param(request) -> date:
    """The month asked for in ?mes=YYYY-MM, or this month when it is missing, malformed or out of range."""
    try:
        month = datetime.strptime(request.GET.get("mes", ""), "%Y-%m").date()
    except ValueError:
        month = None
    if month is None or not FIRST_YEAR <= month.year <= LAST_YEAR:
        return timezone.localdate().replace(day=1)
    return month


@login_required
def venture_kpis(request, venture_pk: int):
    """Indicadores: the venture's months as a chart and a table; the team types a month's figures."""
    venture = venture_or_404(user=request.user, pk=venture_pk)
    can_edit = can_edit_venture(request.user, venture)
    figures = selectors.figures_for_venture(venture=venture)
    form = MonthlyFigureForm(request.POST or None, initial=_initial(figures, _month_param(request)))
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            services.monthly_figure_save(venture=venture, **form.cleaned_data)
            messages.success(request, _("Cifras del mes guardadas."))
            return redirect("kpis:venture", venture_pk=venture.pk)
    chart = kpi_chart(
        chart_id="grafico-emprendimiento",
        title=_("Ingresos, costos y clientes por mes"),
        points=[MonthPoint(f.month, f.income, f.costs, f.customers) for f in figures],
    )
    return render(
        request,
        "kpis/venture.html",
        {
            "venture": venture,
            "figures": figures,
            "chart": chart,
            "form": form,
            "can_edit": can_edit,
        },
        status=400 if form.is_bound else 200,
    )


def _initial(figures, month: date) -> dict:
    for figure in figures:
        if figure.month == month:
            return {
                "month": month,
                "sales": figure.sales,
                "income": figure.income,
                "costs": figure.costs,
                "customers": figure.customers,
                "jobs": figure.jobs,
            }
    return {"month": month}


@login_required
def cash_diary(request, venture_pk: int):
    """Diario de caja: a month's entradas y salidas and their sums; the team writes new lines."""
    venture = venture_or_404(user=request.user, pk=venture_pk)
    can_edit = can_edit_venture(request.user, venture)
    month = _month_param(request)
    form = CashEntryForm(request.POST or None, initial={"date": timezone.localdate(), "kind": "entrada"})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            entry = services.cash_entry_add(venture=venture, by=request.user, **form.cleaned_data)
            messages.success(request, _("Movimiento guardado."))
            return redirect(f"{reverse('kpis:cash', args=[venture.pk])}?mes={entry.date:%Y-%m}")
    start, end = services.month_bounds(month)
    entries = selectors.cash_entries_for(venture=venture, start=start, end=end)
    previous = services.month_bounds(start.replace(day=1) - timedelta(days=1))[0]
    return render(
        request,
        "kpis/cash.html",
        {
            "venture": venture,
            "month": start,
            "previous": previous,
            "next": end,
            "entries": entries,
            "totals": selectors.cash_month_totals(entries),
            "form": form,
            "can_edit": can_edit,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def cash_entry_delete(request, pk: int):
    entry = selectors.cash_entry_for(user=request.user, pk=pk)
    if not can_edit_venture(request.user, entry.venture):
        raise PermissionDenied
    services.cash_entry_delete(entry=entry, by=request.user)
    messages.success(request, _("Movimiento borrado."))
    return redirect(f"{reverse('kpis:cash', args=[entry.venture_id])}?mes={entry.date:%Y-%m}")


@login_required
def cohort_kpis(request, cohort_pk: int):
    """The cohort's months summed across its ventures, for its coordinators."""
    cohort = selectors.cohort_for_kpis(user=request.user, pk=cohort_pk)
    months = selectors.figures_for_cohort(cohort=cohort)
    chart = kpi_chart(
        chart_id="grafico-cohorte",
        title=_("Ingresos, costos y clientes de la cohorte por mes"),
        points=[MonthPoint(m["month"], m["income"], m["costs"], m["customers"]) for m in months],
    )
    return render(
        request,
        "kpis/cohort.html",
        {
            "cohort": cohort,
            "months": months,
            "chart": chart,
            "ventures": selectors.venture_totals_for_cohort(cohort=cohort),
        },
    )
