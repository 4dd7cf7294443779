from django.urls import path

from incubator.ventures import views

app_name = "ventures"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nuevo/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/equipo/", views.member_add, name="member_add"),
    path("<int:pk>/equipo/<int:user_id>/quitar/", views.member_remove, name="member_remove"),
    path("<int:pk>/mentores/", views.mentors, name="mentors"),
]
