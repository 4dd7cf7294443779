"""The breach register in the Wagtail admin, for the data protection officer (administration role)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
