"""Reads for KPIs: one venture's months, a cohort's monthly sums, the cash diary."""

from datetime import date

from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort
from incubator.kpis.models import ZERO, CashEntry, MonthlyFigure
from incubator.ventures.access import ventures_visible_to
from incubator.ventures.models import Venture


def figures_for_venture(*, venture: Venture) -> list[MonthlyFigure]:
    return list(venture.monthly_figures.order_by("month"))


def figures_for_cohort(*, cohort: Cohort) -> list[dict]:
    """Per month, the sums across the cohort's ventures (one query): month, sales, income, costs, ..."""
    rows = (
        MonthlyFigure.objects.filter(venture__cohort=cohort)
        .order_by("month")
        .values("month")
        .annotate(
            sales=Sum("sales"),
            income=Sum("income"),
            costs=Sum("costs"),
            customers=Sum("customers"),
            jobs=Sum("jobs"),
            ventures=Count("venture", distinct=True),
        )
    )
    return [
        {
            **r,
            "income": r["income"] or ZERO,
            "costs": r["costs"] or ZERO,
            "result": (r["income"] or ZERO) - (r["costs"] or ZERO),
        }
        for r in rows
    ]


def venture_totals_for_cohort(*, cohort: Cohort) -> QuerySet[Venture]:
    """The cohort's ventures with their summed income and costs and months reported (one query)."""
    return (
        Venture.objects.filter(cohort=cohort)
        .order_by("name")
        .annotate(
            total_income=Sum("monthly_figures__income"),
            total_costs=Sum("monthly_figures__costs"),
            months_reported=Count("monthly_figures"),
        )
    )


def cohort_for_kpis(*, user, pk: int) -> Cohort:
    """The cohort for its coordinators and admins; 404 for everyone else."""
    cohort = Cohort.objects.filter(pk=pk).first()
    allowed = cohort is not None and (
        has_role(user, Role.ADMIN)
        or (has_role(user, Role.COORDINATOR) and cohort.coordinators.filter(pk=user.pk).exists())
    )
    if not allowed:
        raise Http404
    return cohort


def cash_entries_for(*, venture: Venture, start: date, end: date) -> list[CashEntry]:
    """Entries with start <= date < end, newest first."""
    return list(venture.cash_entries.filter(date__gte=start, date__lt=end))


def cash_entry_for(*, user, pk: int) -> CashEntry:
    entry = (
        CashEntry.objects.select_related("venture")
        .filter(pk=pk, venture__in=ventures_visible_to(user).values("pk"))
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def cash_month_totals(entries: list[CashEntry]) -> dict:
    inflow = sum((e.amount for e in entries if e.kind == CashEntry.Kind.IN), ZERO)
    outflow = sum((e.amount for e in entries if e.kind == CashEntry.Kind.OUT), ZERO)
    return {"in": inflow, "out": outflow, "result": inflow - outflow}
