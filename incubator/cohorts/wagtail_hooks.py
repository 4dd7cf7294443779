"""Back office: cohorts (requirements, catch-up list) and ventures (mentors) in the Wagtail admin.
Coordinators only see and edit the cohorts they coordinate; admins see everything."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort
from incubator.ventures.models import Venture


class OwnCohortsMixin:
    """Limit a generic admin view to what the coordinator's cohorts hold (404 for the rest)."""

    cohort_path = ""  # "" for Cohort itself, "cohort__" for models that belong to a cohort

    def restrict(self, queryset):
        if has_role(self.request.user, Role.ADMIN):
            return queryset
        return queryset.filter(**{f"{self.cohort_path}coordinators": self.request.user}).distinct()

    def get_base_queryset(self):
        return self.restrict(super().get_base_queryset())

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.restrict(self.model._default_manager.filter(pk=obj.pk)).exists():
            raise Http404
        return obj


class CohortIndexView(OwnCohortsMixin, generic.IndexView):
    pass


class CohortEditView(OwnCohortsMixin, generic.EditView):
    pass


class CohortDeleteView(OwnCohortsMixin, generic.DeleteView):
    pass


class VentureIndexView(OwnCohortsMixin, generic.IndexView):
    cohort_path = "cohort__"


class VentureEditView(OwnCohortsMixin, generic.EditView):
    cohort_path = "cohort__"


class VentureDeleteView(OwnCohortsMixin, generic.DeleteView):
    cohort_path = "cohort__"


class CohortCreateView(generic.CreateView):
    def save_instance(self):
        """A coordinator who opens a cohort coordinates it (otherwise they could not see it again)."""
        instance = super().save_instance()
        if has_role(self.request.user, Role.COORDINATOR):
            instance.coordinators.add(self.request.user)
        return instance


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohortes")
    add_view_class = CohortCreateView
    copy_view_enabled = False
    list_display = ["name", "city", "start_date", "capacity"]
    list_filter = ["city", "start_date"]
    search_fields = ["name", "city"]
    ordering = ["-start_date"]
    index_view_class = CohortIndexView
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView


class VentureViewSet(ModelViewSet):
    model = Venture
    icon = "pick"
    menu_label = _("Emprendimientos")
    add_view_enabled = False  # participants create their ventures; coordination assigns mentors
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("sector"), FieldPanel("city"), FieldPanel("description"),
              FieldPanel("members"), FieldPanel("mentors")]
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
    items = (CohortViewSet("cohortes"), VentureViewSet("emprendimientos"))


@hooks.register("register_admin_viewset")
def register_incubator_viewsets():
    return IncubatorViewSetGroup()
