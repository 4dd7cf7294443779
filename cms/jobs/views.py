"""The status page of a job (/trabajos/<id>/), its JSON for polling, retry and the result download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cms.jobs.selectors import job_status, job_visible_or_404
from cms.jobs.services import JobNotRetryable, job_retry

REFRESH_SECONDS = 2


@never_cache
@login_required
def status(request: HttpRequest, job_id: int) -> HttpResponse:
    """Progress while it runs (refreshes itself without JavaScript), the download when done, retry when failed."""
    job = job_visible_or_404(user=request.user, job_id=job_id)
    return render(request, "jobs/status.html", {"s": job_status(job=job), "refresh": REFRESH_SECONDS})


@never_cache
@login_required
def status_json(request: HttpRequest, job_id: int) -> JsonResponse:
    job = job_visible_or_404(user=request.user, job_id=job_id)
    return JsonResponse(job_status(job=job).as_json())


@require_POST
@login_required
def retry(request: HttpRequest, job_id: int) -> HttpResponse:
    """«Intentar de nuevo»: the same job queued again; a second click while it runs changes nothing."""
    job = job_visible_or_404(user=request.user, job_id=job_id)
    try:
        job_retry(job=job)
    except JobNotRetryable:
        messages.info(request, _("Ya se está preparando. Espera un momento."))
    return redirect("jobs:status", job_id=job.pk)


@never_cache
@login_required
def download(request: HttpRequest, job_id: int) -> HttpResponse:
    """The finished file for whoever may see the job; a result that is a link goes there (it checks again)."""
    job = job_visible_or_404(user=request.user, job_id=job_id)
    if job.result_url:
        return redirect(job.result_url)
    if not job.result_file:
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name or None)
