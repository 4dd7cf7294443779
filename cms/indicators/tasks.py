"""The CSV and XLSX exports of the page as a background job: the person follows it on /trabajos/<id>/
(progress, a Spanish failure with «Intentar de nuevo») and downloads the file there.

The file goes only to the person who asked, and only while she may still see the programme's indicators
(a coordinator taken off the programme, or a donor whose funding ended, gets a 404). The command
`manage.py indicators_export` stays synchronous: it is a contract for automation.

One job per key: the key names the request of one page (owner, programme, format, period, filters and the
page's request token), so a double click or a re-sent form finds the running job instead of doing it twice,
while a later visit to the page asks for a fresh file with the data of that moment.
"""

from __future__ import annotations

import hashlib
import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from cms.accounts.models import Programme
from cms.indicators import registry
from cms.indicators.exports import build_export
from cms.indicators.models import IndicatorAccess
from cms.indicators.registry import Period
from cms.indicators.selectors import indicator_report, programmes_visible_to
from cms.indicators.services import indicator_access_log
from cms.jobs.kinds import JobKind, job_kind_register
from cms.jobs.models import Job
from cms.jobs.services import JobError, JobResult, job_enqueue, job_progress, job_run

EXPORT_JOB = "indicators_export"
FORMATS = ("csv", "xlsx")


def _can_see(user, job: Job) -> bool:
    """Only the person who asked, and only while the programme is still hers to see."""
    if job.owner_id != user.pk:
        return False
    return programmes_visible_to(user=user).filter(pk=job.subject_id).exists()


def register() -> None:
    job_kind_register(
        JobKind(
            name=EXPORT_JOB,
            title=gettext_lazy("Exportación de indicadores"),
            running=gettext_lazy("Preparando el archivo de indicadores…"),
            can_see=_can_see,
        )
    )


def indicators_export_job(
    *, owner, programme: Programme, fmt: str, period: Period, filters: dict[str, str], request_token: str
) -> Job:
    """The export job of one page request; the same job when the same request comes again."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    payload = {
        "fmt": fmt,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "filters": dict(sorted(filters.items())),
    }
    digest = hashlib.sha256(json.dumps([payload, request_token], sort_keys=True).encode()).hexdigest()[:32]
    return job_enqueue(
        owner=owner,
        kind=EXPORT_JOB,
        key=f"{EXPORT_JOB}:{owner.pk}:{programme.pk}:{digest}",
        task=indicators_export_task,
        subject_id=programme.pk,
        payload=payload,
    )


def _work(job: Job) -> JobResult:
    from datetime import date

    programme = programmes_visible_to(user=job.owner).filter(pk=job.subject_id).first()
    if programme is None:
        raise JobError(_("Ya no puedes ver los indicadores de este programa, o el programa ya no existe."))
    payload = job.payload
    period = Period(date.fromisoformat(payload["start"]), date.fromisoformat(payload["end"]))
    fmt = payload["fmt"]
    job_progress(job=job, percent=10, message=_("Contando por cada desagregación…"))
    keys = [d.key for d in registry.disaggregations()]
    report = indicator_report(programme=programme, period=period, disaggregations=keys, filters=payload["filters"])
    job_progress(job=job, percent=70, message=_("Escribiendo el archivo…"))
    export = build_export(report, fmt)
    indicator_access_log(
        user=job.owner,
        programme=programme,
        action=IndicatorAccess.Action.XLSX if fmt == "xlsx" else IndicatorAccess.Action.CSV,
        period=str(period),
        cells_suppressed=export.suppressed,
        detail={**payload["filters"], "trabajo": job.pk},
        sha256=export.sha256,
    )
    name = f"indicadores-{programme.slug}-{period.start}-{period.end}.{fmt}"
    summary = _("Listo: %(count)s celdas ocultas para proteger a las personas. Huella SHA-256: %(sha)s.") % {
        "count": export.suppressed,
        "sha": export.sha256,
    }
    return JobResult(content=export.content, filename=name, summary=summary)


@task()
def indicators_export_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_work)
