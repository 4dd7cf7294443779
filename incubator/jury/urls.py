"""Pitch day pages, under /incubadora/pitch/: jurors, coordination and each entrepreneur's private result."""

from incubator.jury.urls_coordination import urlpatterns as coordination
from incubator.jury.urls_entrepreneur import urlpatterns as entrepreneur
from incubator.jury.urls_juror import urlpatterns as juror

app_name = "jury"

urlpatterns = [*juror, *coordination, *entrepreneur]
