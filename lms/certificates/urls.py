from django.urls import path

from lms.certificates import views

app_name = "certificates"
urlpatterns = [
    path("certificados/", views.my_certificates, name="list"),
    path("certificados/<str:code>/pdf/", views.certificate_download, name="pdf"),
    path("verificar/", views.verify_form, name="verify_form"),
    path("verificar/<str:code>/", views.verify, name="verify"),
]
