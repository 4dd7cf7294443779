"""Back office: coordinators shape each cohort's milestone template (with its ordered items) in Wagtail."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from incubator.milestones.models import MilestoneTemplate


class MilestoneTemplateViewSet(SnippetViewSet):
    model = MilestoneTemplate
    icon = "tasks"
    menu_label = _("Plantillas de hitos")
    add_to_admin_menu = True
    menu_order = 410
    copy_view_enabled = True
    list_display = ["name", "cohort"]
    search_fields = ["name"]


register_snippet(MilestoneTemplateViewSet)
