from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from cms.accounts import admin_views
from cms.accounts.models import ConsentVersion

people_urls = [
    path("", admin_views.people_index, name="index"),
    path("nueva/", admin_views.person_create, name="create"),
    path("<id:pk>/clave/", admin_views.person_password, name="password"),
]


class PeopleMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_manage_people(request.user)


class ConsentVersionViewSet(ModelViewSet):
    """Coordinators publish a new consent text; people who accepted an older one are asked again."""

    model = ConsentVersion
    icon = "doc-full"
    menu_label = _("Consentimiento")
    menu_order = 910
    add_to_admin_menu = True
    form_fields = ["version", "body"]
    list_display = ["version", "published_at"]
    url_prefix = "consentimiento"
    name = "consentimiento"


@hooks.register("register_admin_urls")
def register_people_urls():
    return [path("personas/", include((people_urls, "semilla_personas")))]


@hooks.register("register_admin_menu_item")
def register_people_menu_item():
    return PeopleMenuItem(_("Personas"), reverse("semilla_personas:index"), icon_name="group", order=900)


@hooks.register("register_admin_viewset")
def register_consent_viewset():
    return ConsentVersionViewSet()
