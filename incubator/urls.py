"""The incubator's pages, under /incubadora/."""

from django.urls import include, path

urlpatterns = [
    path("cohortes/", include("incubator.cohorts.urls")),
    path("emprendimientos/", include("incubator.ventures.urls")),
    path("planes/", include("incubator.plans.urls")),
    path("hitos/", include("incubator.milestones.urls")),
    path("indicadores/", include("incubator.kpis.urls")),
    path("pitch/", include("incubator.jury.urls")),
    path("capital-semilla/", include("incubator.seedcapital.urls")),
    path("seguimiento/", include("incubator.followup.urls")),
]
