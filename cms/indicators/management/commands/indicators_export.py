"""manage.py indicators_export --format csv|xlsx [--programme SLUG] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
[--output FILE]: the suppressed indicators in long format (see cms/indicators/exports.py), logged."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.accounts.models import Programme
from cms.indicators import registry
from cms.indicators.exports import build_export
from cms.indicators.models import IndicatorAccess
from cms.indicators.registry import Period
from cms.indicators.selectors import indicator_report
from cms.indicators.services import indicator_access_log


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {text}") from error


class Command(BaseCommand):
    help = "Print the donor indicators (suppressed, long format) as CSV, or write them as XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        parser.add_argument("--programme", default="")
        parser.add_argument("--from", dest="start", default="2000-01-01")
        parser.add_argument("--to", dest="end", default="")
        parser.add_argument("--output", default="")

    def handle(self, *args, format, programme, start, end, output, **options):
        period = Period(_day(start), _day(end) if end else timezone.localdate())
        if period.end < period.start:
            raise CommandError("--to is before --from")
        chosen = None
        if programme:
            chosen = Programme.objects.filter(slug=programme).first()
            if chosen is None:
                raise CommandError(f"No programme {programme!r}")
        if format == "xlsx" and not output:
            raise CommandError("--format xlsx needs --output FILE")
        keys = [dis.key for dis in registry.disaggregations()]
        report = indicator_report(programme=chosen, period=period, disaggregations=keys)
        export = build_export(report, format)
        if output:
            with open(output, "wb") as handle:
                handle.write(export.content)
        else:
            self.stdout.write(export.content.decode("utf-8"), ending="")
        indicator_access_log(
            user=None,
            programme=chosen,
            action=IndicatorAccess.Action.COMMAND,
            period=str(period),
            cells_suppressed=export.suppressed,
            detail={"format": format},
            sha256=export.sha256,
        )
