from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from cms.home.health import health_report
from cms.home.start import start_tiles_for


@never_cache
def healthz(request):
    """200 when every part answers; 503 naming the parts that are down (`down`), for the load balancer and people."""
    report = health_report()
    down = [part for part, healthy in report.items() if not healthy]
    return JsonResponse({"status": "error" if down else "ok", **report, "down": down}, status=503 if down else 200)


@login_required
def dashboard(request):
    """Mi inicio: the person's next actions, as tiles the areas register in cms.home.start."""
    return render(request, "home/dashboard.html", {"tiles": start_tiles_for(request)})


def bench_trivial(request):
    """The benchmark's baseline: the full middleware stack and nothing else (mounted only when SEMILLA_BENCH=1)."""
    return HttpResponse("ok", content_type="text/plain")
