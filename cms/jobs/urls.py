from django.urls import path

from cms.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<id:job_id>/", views.status, name="status"),
    path("<id:job_id>/estado/", views.status_json, name="status_json"),
    path("<id:job_id>/reintentar/", views.retry, name="retry"),
    path("<id:job_id>/archivo/", views.download, name="download"),
]
