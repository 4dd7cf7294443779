from django.urls import path

from incubator.ventures import views

app_name = "ventures"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nuevo/", views.create, name="create"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/equipo/", views.member_add, name="member_add"),
    path("<id:pk>/equipo/<id:user_id>/quitar/", views.member_remove, name="member_remove"),
    path("<id:pk>/mentores/", views.mentors, name="mentors"),
]
