from django.urls import path

from cms.home import views

app_name = "home"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("inicio/", views.dashboard, name="dashboard"),
]
