from django.urls import path

from lms.grades import views

app_name = "grades"
urlpatterns = [
    path("curso/<id:course_id>/", views.learner_gradebook, name="learner"),
    path("curso/<id:course_id>/todos/", views.course_gradebook, name="course"),
    path("curso/<id:course_id>/todos.csv", views.course_gradebook_csv, name="course_csv"),
]
