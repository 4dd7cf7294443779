from django.urls import path

from lms.quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("<int:quiz_id>/", views.quiz_detail, name="detail"),
    path("<int:quiz_id>/comenzar/", views.quiz_start, name="start"),
    path("<int:quiz_id>/leccion/<int:lesson_id>/comenzar/", views.quiz_start, name="start_in_lesson"),
    path("intento/<int:attempt_id>/", views.attempt_take, name="attempt"),
    path("intento/<int:attempt_id>/guardar/", views.attempt_autosave, name="autosave"),
    path("intento/<int:attempt_id>/resultado/", views.attempt_result, name="result"),
]
