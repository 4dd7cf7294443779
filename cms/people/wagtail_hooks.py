"""The registry's back office in the Wagtail admin: programmes, centers, consent texts, and a way to the desk."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from cms.accounts.models import Center, Programme
from cms.people import selectors
from cms.people.models import ConsentText


class ProgrammeViewSet(ModelViewSet):
    """Administration creates programmes and names their coordinators; coordination may look."""

    model = Programme
    icon = "folder-open-inverse"
    form_fields = ["name", "slug", "coordinators", "donors"]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    url_prefix = "registro/programas"
    name = "programas"


class CenterViewSet(ModelViewSet):
    model = Center
    icon = "site"
    form_fields = ["programme", "name", "province", "city"]
    list_display = ["name", "city", "province", "programme"]
    list_filter = ["programme"]
    search_fields = ["name", "city"]
    url_prefix = "registro/centros"
    name = "centros"


class ConsentTextViewSet(ModelViewSet):
    """The words shown before a person gives a purpose. New words: add a new version (never edit one that
    people already accepted; the ledger points at it)."""

    model = ConsentText
    icon = "doc-full"
    form_fields = ["purpose", "version", "body"]
    list_display = ["purpose", "version", "published_at"]
    list_filter = ["purpose"]
    url_prefix = "registro/permisos"
    name = "textos_permiso"


class RegistryGroup(ModelViewSetGroup):
    menu_label = _("Registro")
    menu_icon = "group"
    menu_order = 905
    items = (ProgrammeViewSet, CenterViewSet, ConsentTextViewSet)


class DeskMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return selectors.may_read_sensitive(request.user)


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return RegistryGroup()


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return DeskMenuItem(_("Registro de personas"), reverse("people:list"), icon_name="user", order=901)
