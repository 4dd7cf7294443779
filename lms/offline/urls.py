from django.urls import path

from lms.offline import views

app_name = "offline"
urlpatterns = [
    path("paquetes/<id:module_id>/manifiesto.json", views.manifest, name="manifest"),
    path("paquetes/<id:module_id>/verificar/", views.manifest_check, name="manifest_check"),
    path("paquetes/<id:module_id>/leccion/<id:lesson_id>/", views.lesson, name="lesson"),
    path("paquetes/<id:module_id>/cuestionario/<id:quiz_id>.json", views.quiz, name="quiz"),
    path("paquetes/sincronizar/", views.sync, name="sync"),
    path("paquetes/mi-telefono/", views.own_device, name="own_device"),
    path("offline-sw.js", views.service_worker, name="service_worker"),
    path("mis-descargas/", views.my_downloads, name="my_downloads"),
]
