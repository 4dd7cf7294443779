"""Writes for monthly figures and the cash diary."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum

from incubator.kpis.models import ZERO, CashEntry, MonthlyFigure
from incubator.ventures.models import Venture


def month_bounds(day: date) -> tuple[date, date]:
    """The first day of day's month and the first day of the next month."""
    first = day.replace(day=1)
    following = (
        first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1)
    )
    return first, following


def monthly_figure_save(
    *, venture: Venture, month: date, sales: int, income: Decimal, costs: Decimal, customers: int, jobs: int
) -> MonthlyFigure:
    """Type a month's figures by hand (creates or replaces that month's row)."""
    figure, _created = MonthlyFigure.objects.update_or_create(
        venture=venture,
        month=month.replace(day=1),
        defaults={
            "sales": sales,
            "income": income,
            "costs": costs,
            "customers": customers,
            "jobs": jobs,
            "source": MonthlyFigure.Source.MANUAL,
        },
    )
    return figure


def monthly_figure_recompute(*, venture: Venture, month: date) -> MonthlyFigure:
    """Set the month's income and costs to the sums of its cash diary; sales, customers, jobs stay."""
    first, following = month_bounds(month)
    with transaction.atomic():
        figure, _created = MonthlyFigure.objects.get_or_create(venture=venture, month=first)
        # Lock the month's row: two entries saved at once must not each write a sum missing the other.
        figure = MonthlyFigure.objects.select_for_update().get(pk=figure.pk)
        sums = CashEntry.objects.filter(venture=venture, date__gte=first, date__lt=following).aggregate(
            income=Sum("amount", filter=Q(kind=CashEntry.Kind.IN)),
            costs=Sum("amount", filter=Q(kind=CashEntry.Kind.OUT)),
        )
        figure.income = sums["income"] or ZERO
        figure.costs = sums["costs"] or ZERO
        figure.source = MonthlyFigure.Source.CASH
        figure.save(update_fields=["income", "costs", "source", "updated_at"])
    return figure


def cash_entry_add(*, venture: Venture, by, date: date, kind: str, amount: Decimal, note: str = "") -> CashEntry:
    """Write a line in the cash diary and recompute that month's income and costs."""
    with transaction.atomic():
        entry = CashEntry.objects.create(
            venture=venture, created_by=by, date=date, kind=kind, amount=amount, note=note.strip()
        )
        monthly_figure_recompute(venture=venture, month=date)
    return entry


def cash_entry_delete(*, entry: CashEntry, by) -> None:
    """Remove a line of the cash diary and recompute its month."""
    with transaction.atomic():
        venture, day = entry.venture, entry.date
        entry.delete()
        monthly_figure_recompute(venture=venture, month=day)
