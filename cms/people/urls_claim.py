from django.urls import path

from cms.people import views_claim as views

app_name = "claim"
urlpatterns = [
    path("", views.enter, name="enter"),
    path("<str:token>/", views.claim, name="claim"),
]
