from django.urls import path

from cms.privacy import views

app_name = "privacy"
urlpatterns = [
    path("mis-datos/", views.my_data, name="my_data"),
    path("mis-datos/descargar.json", views.export_json, name="export_json"),
    path("mis-datos/descargar.html", views.export_html, name="export_html"),
    path("mis-datos/corregir/", views.rectify, name="rectify"),
    path("mis-datos/quien-vio/", views.who_read, name="who_read"),
    path("privacidad/aviso/", views.notice, name="notice"),
    path("mis-datos/borrar/", views.erase, name="erase"),
    path("privacidad/solicitudes/", views.requests_list, name="requests"),
    path("privacidad/solicitudes/<id:pk>/responder/", views.request_answer, name="request_answer"),
    path("privacidad/personas/<id:participant_pk>/solicitud/", views.request_file, name="request_file"),
]
