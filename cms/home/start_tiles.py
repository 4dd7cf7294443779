"""The start page tiles of cms itself: the Wagtail admin for the roles that work in it."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.home.start import Tile, register_start_tile


def admin_tile(request) -> Tile:
    return Tile(
        title=_("Administración"),
        url=reverse("wagtailadmin_home"),
        key="administracion",
        empty=_("Cursos, actividades H5P, cuestionarios, cohortes, inscripciones e informes."),
    )


def register() -> None:
    register_start_tile(lambda user: user.is_staff, admin_tile, order=900)
