from django.urls import path

from cms.people import views_import as views

app_name = "people_import"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<id:pk>/", views.preview, name="preview"),
    path("<id:pk>/confirmar/", views.confirm, name="confirm"),
]
