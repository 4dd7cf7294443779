from django.urls import path

from lms.quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("<id:quiz_id>/", views.quiz_detail, name="detail"),
    path("<id:quiz_id>/comenzar/", views.quiz_start, name="start"),
    path("<id:quiz_id>/leccion/<id:lesson_id>/comenzar/", views.quiz_start, name="start_in_lesson"),
    path("intento/<id:attempt_id>/", views.attempt_take, name="attempt"),
    path("intento/<id:attempt_id>/guardar/", views.attempt_autosave, name="autosave"),
    path("intento/<id:attempt_id>/resultado/", views.attempt_result, name="result"),
]
