from django.urls import path

from incubator.followup import views

app_name = "followup"
urlpatterns = [
    path("<int:pk>/<str:token>/", views.answer, name="answer"),
    path("cohorte/<int:cohort_pk>/", views.cohort_links, name="links"),
]
