from django.urls import path

from cms.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.programme_page, name="programme"),
    path("<slug:slug>/exportar/", views.programme_export, name="export"),
]
