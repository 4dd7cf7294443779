from django.urls import path

from lms.surveys import views

app_name = "surveys"
urlpatterns = [
    path("curso/<id:course_id>/", views.course_survey, name="course"),
]
