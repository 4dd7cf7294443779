from django.urls import path

from cms.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.programme_page, name="programme"),
    path("<slug:slug>/exportar.csv", views.programme_export, {"fmt": "csv"}, name="export_csv"),
    path("<slug:slug>/exportar.xlsx", views.programme_export, {"fmt": "xlsx"}, name="export_xlsx"),
]
