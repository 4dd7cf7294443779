"""The breach register in the Wagtail admin, for the data protection officer (administration role)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.accounts.roles import Role, has_role
from cms.privacy.models import DataBreach


class DataBreachViewSet(SnippetViewSet):
    model = DataBreach
    icon = "warning"
    menu_label = _("Brechas de seguridad")
    add_to_admin_menu = True
    list_display = [
        "title",
        "discovered_at",
        Column("authority_due_at", label=_("avisar a la autoridad hasta")),
        Column("people_due_at", label=_("avisar a las personas hasta")),
        Column("clock", label=_("plazos"), accessor="clock_state"),
        Column("affected_count", label=_("personas afectadas"), accessor="affected_count"),
    ]
    form_fields = [
        "title",
        "description",
        "data_affected",
        "measures",
        "discovered_at",
        "affected",
        "authority_notified_at",
        "people_notified_at",
    ]

    def get_queryset(self, request):
        from django.db.models import Count

        return DataBreach.objects.annotate(affected_count=Count("affected"))


register_snippet(DataBreachViewSet)


class _CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return has_role(request.user, Role.COORDINATOR, Role.ADMIN)


@hooks.register("register_admin_menu_item")
def privacy_requests_menu_item():
    """The coordinators' list of privacy requests with their clocks lives on the site, linked from here."""
    return _CoordinatorMenuItem(
        _("Solicitudes de privacidad"), reverse("privacy:requests"), icon_name="lock", order=900
    )
