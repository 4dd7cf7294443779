from django.urls import path

from cms.people import views

app_name = "people"
urlpatterns = [
    path("coordinacion/personas/", views.person_list, name="list"),
    path("coordinacion/personas/nueva/", views.person_register, name="register"),
    path("coordinacion/personas/<id:pk>/", views.person_detail, name="detail"),
    path("coordinacion/personas/<id:pk>/corregir/", views.person_edit, name="edit"),
    path("coordinacion/personas/<id:pk>/ver/<slug:slug>/", views.person_sensitive, name="sensitive"),
    path("coordinacion/personas/<id:pk>/notas/", views.note_add, name="note_add"),
    path("cuenta/permisos/", views.my_consents, name="my_consents"),
]
