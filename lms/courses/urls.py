from django.urls import path

from lms.courses import views

app_name = "courses"
urlpatterns = [
    path("", views.my_courses, name="my_courses"),
    path("curso/<id:course_id>/inscribirme/", views.enrol, name="enrol"),
    path("curso/<id:course_id>/cancelar/", views.cancel, name="cancel"),
    path("leccion/<id:lesson_id>/completar/", views.complete, name="complete"),
]
