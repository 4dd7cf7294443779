"""Back office: ventures (team, mentors) in the Wagtail admin, and the "Incubadora" menu that groups them with
the cohorts' viewsets. Coordinators only see the ventures of the cohorts they coordinate; admins see all."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from incubator.cohorts.wagtail_hooks import CohortViewSet, OwnCohortsMixin, ParticipationEventViewSet
from incubator.ventures.models import Venture


class VentureIndexView(OwnCohortsMixin, generic.IndexView):
    cohort_path = "cohort__"


class VentureEditView(OwnCohortsMixin, generic.EditView):
    cohort_path = "cohort__"


class VentureDeleteView(OwnCohortsMixin, generic.DeleteView):
    cohort_path = "cohort__"


class VentureViewSet(ModelViewSet):
    model = Venture
    icon = "pick"
    menu_label = _("Emprendimientos")
    add_view_enabled = False  # participants create their ventures; coordination assigns mentors
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("city"),
        FieldPanel("description"),
        FieldPanel("members"),
        FieldPanel("mentors"),
    ]
    list_display = ["name", "cohort", "sector", "city"]
    list_filter = ["cohort", "sector"]
    search_fields = ["name", "description"]
    ordering = ["name"]
    index_view_class = VentureIndexView
    edit_view_class = VentureEditView
    delete_view_class = VentureDeleteView


class IncubatorViewSetGroup(ViewSetGroup):
    menu_label = _("Incubadora")
    menu_icon = "group"
    menu_order = 350
    items = (
        CohortViewSet("cohortes"),
        VentureViewSet("emprendimientos"),
        ParticipationEventViewSet("movimientos-postulaciones"),
    )


@hooks.register("register_admin_viewset")
def register_incubator_viewsets():
    return IncubatorViewSetGroup()
