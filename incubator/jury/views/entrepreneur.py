"""Each team's private pitch result, once the event is closed: page and PDF. Everyone else gets 404."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from incubator.jury.pdf import outcome_sentence
from incubator.jury.selectors.entrepreneur import my_pitch_entries
from incubator.jury.selectors.results import private_result_or_404
from incubator.jury.tasks import pitch_result_pdf_job


@login_required
def my_results(request: HttpRequest) -> HttpResponse:
    """The pitch events of the person's ventures: a link to each private result once the event is closed."""
    return render(request, "jury/entrepreneur/list.html", {"entries": my_pitch_entries(user=request.user)})


@never_cache
@login_required
def my_result(request: HttpRequest, event_id: int) -> HttpResponse:
    """Rank and score, seed capital, the average level per criterion and the jurors' comments without names."""
    result = private_result_or_404(user=request.user, event_id=event_id)
    return render(request, "jury/entrepreneur/result.html", {"r": result, "outcome": outcome_sentence(result)})


@never_cache
@login_required
def my_result_pdf(request: HttpRequest, event_id: int) -> HttpResponse:
    """Starts (or finds) the result's PDF job and sends the person to its page, which offers the file."""
    result = private_result_or_404(user=request.user, event_id=event_id)
    return redirect("jobs:status", job_id=pitch_result_pdf_job(result=result, user=request.user).pk)
