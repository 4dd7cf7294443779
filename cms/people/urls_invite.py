from django.urls import path

from cms.people import views_claim as views

app_name = "invite"
urlpatterns = [
    path("<id:pk>/", views.invite_new, name="new"),
    path("hoja/<id:pk>/", views.invite_print, name="print"),
]
