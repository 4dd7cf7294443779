"""The back office of referrals: coordination keeps the partner organisations and their services."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.referrals.models import PartnerOrganisation, PartnerService


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Organizaciones aliadas")
    list_display = ["name", "cities", "contact", "active"]
    list_filter = ["active"]
    search_fields = ["name", "cities"]
    form_fields = ["name", "cities", "contact", "members", "active"]


class PartnerServiceViewSet(SnippetViewSet):
    model = PartnerService
    icon = "list-ul"
    menu_label = _("Servicios de las aliadas")
    list_display = ["organisation", "service_type", "city"]
    list_filter = ["service_type", "organisation"]
    search_fields = ["city"]
    form_fields = ["organisation", "service_type", "city"]


class ReferralsGroup(SnippetViewSetGroup):
    menu_label = _("Derivaciones")
    menu_icon = "group"
    menu_order = 350
    items = (PartnerOrganisationViewSet, PartnerServiceViewSet)


register_snippet(ReferralsGroup)
