import os

from django.urls import path

from cms.home import views

app_name = "home"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("inicio/", views.dashboard, name="dashboard"),
]

# `make bench` compares the lesson page with this do-nothing view under the same load; it exists only
# in the process `bench/run.py` starts with SEMILLA_BENCH=1, never in a normal run.
if os.environ.get("SEMILLA_BENCH") == "1":
    urlpatterns.append(path("bench/trivial", views.bench_trivial, name="bench_trivial"))
