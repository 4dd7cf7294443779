"""The whole URLconf of the H5P content origin: nothing of the main site is reachable there."""

from django.urls import path

from lms.h5p import content_views

urlpatterns = [
    path("h5p-contenido/<str:token>/", content_views.player, name="h5p_player"),
    path("h5p-contenido/<str:token>/paquete/<path:path>", content_views.package_file, name="h5p_package_file"),
]
