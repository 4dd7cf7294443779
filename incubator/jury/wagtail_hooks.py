"""Back office for pitch day: rubrics (criteria inline, with the descriptor of each level) and pitch events.
Coordinators see and edit only the events of cohorts they coordinate; results are closed on the front end."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort
from incubator.cohorts.wagtail_hooks import OwnCohortsMixin
from incubator.jury.models import PitchEvent, Rubric


class PitchEventForm(WagtailAdminModelForm):
    """Cohort choices limited to the coordinator's cohorts; a closed event is read-only here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if "cohort" in self.fields and user is not None and not has_role(user, Role.ADMIN):
            self.fields["cohort"].queryset = Cohort.objects.filter(coordinators=user).distinct()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_closed:
            raise ValidationError(
                _("El evento está cerrado: reábrelo con un motivo desde la página de resultados antes de cambiarlo.")
            )
        return cleaned


class EventIndexView(OwnCohortsMixin, generic.IndexView):
    cohort_path = "cohort__"


class EventEditView(OwnCohortsMixin, generic.EditView):
    cohort_path = "cohort__"


class EventDeleteView(OwnCohortsMixin, generic.DeleteView):
    cohort_path = "cohort__"


class ResultsLinkColumn(Column):
    """A link from the admin list to the event's results page on the front end."""

    def get_value(self, instance):
        return format_html('<a href="{}">{}</a>', reverse("jury:results", args=[instance.pk]), _("Ver resultados"))


class PitchEventViewSet(ModelViewSet):
    model = PitchEvent
    icon = "date"
    menu_label = _("Eventos de pitch")
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("cohort"),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("place")]),
            FieldPanel("rubric"),
            MultiFieldPanel(
                [FieldPanel("total_budget"), FieldPanel("award_rule"), FieldPanel("fixed_amount")],
                heading=_("Capital semilla"),
            ),
            FieldPanel("jurors"),
        ],
        base_form_class=PitchEventForm,
    )
    list_display = ["name", "cohort", "starts_at", "status", ResultsLinkColumn("results", label=_("Resultados"))]
    list_filter = ["status", "cohort"]
    search_fields = ["name", "place"]
    ordering = ["-starts_at"]
    index_view_class = EventIndexView
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView


class RubricViewSet(ModelViewSet):
    """Rubrics are shared by every cohort (the default one comes from a migration)."""

    model = Rubric
    icon = "list-ol"
    menu_label = _("Rúbricas")
    copy_view_enabled = False
    list_display = ["name", "description"]
    search_fields = ["name"]
    ordering = ["name"]


class PitchViewSetGroup(ViewSetGroup):
    menu_label = _("Pitch")
    menu_icon = "date"
    menu_order = 360
    items = (PitchEventViewSet("eventos-pitch"), RubricViewSet("rubricas"))


@hooks.register("register_admin_viewset")
def register_pitch_viewsets():
    return PitchViewSetGroup()
