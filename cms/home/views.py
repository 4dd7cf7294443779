from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from cms.home.health import health_report
from cms.home.start import start_tiles_for


@never_cache
def healthz(request):
    report = health_report()
    healthy = all(report.values())
    return JsonResponse({"status": "ok" if healthy else "error", **report}, status=200 if healthy else 503)


@login_required
def dashboard(request):
    """Mi inicio: the person's next actions, as tiles the areas register in cms.home.start."""
    return render(request, "home/dashboard.html", {"tiles": start_tiles_for(request)})


def bench_trivial(request):
    """The benchmark's baseline: the full middleware stack and nothing else (mounted only when SEMILLA_BENCH=1)."""
    return HttpResponse("ok", content_type="text/plain")
