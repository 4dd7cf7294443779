from django.urls import path

from lms.h5p import views

app_name = "h5p"
urlpatterns = [
    path("licencias/", views.licences, name="licences"),
    path("<id:activity_id>/leccion/<id:lesson_id>/abrir/", views.open_activity, name="open"),
    path("<id:activity_id>/leccion/<id:lesson_id>/xapi/", views.receive_statement, name="xapi"),
    path("<id:activity_id>/leccion/<id:lesson_id>/estado/", views.save_state, name="state"),
]
