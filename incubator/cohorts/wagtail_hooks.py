"""Back office: cohorts (requirements, catch-up list) and the read-only log of every application step in the
Wagtail admin. Coordinators only see the cohorts they coordinate; admins see everything. The ventures app
puts these viewsets in the "Incubadora" menu with its own (incubator/ventures/wagtail_hooks.py)."""

from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.accounts.roles import Role, has_role
from cms.admin_display import InspectView
from incubator.cohorts.forms import CohortAdminForm
from incubator.cohorts.models import Cohort, Participation, ParticipationEvent


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


def _front_office_links(cohort) -> list[tuple[str, str, str]]:
    """(label, url, icon) of the cohort's pages outside the admin: a new cohort has no ventures yet, so its
    applications must be reachable from here, not only from a venture's board."""
    return [
        (_("Postulaciones"), reverse("cohorts:applications", args=[cohort.pk]), "user"),
        (_("Tablero"), reverse("cohorts:board", args=[cohort.pk]), "table"),
    ]


class ApplicationsColumn(Column):
    """A link to the cohort's applications, with how many wait for a decision (annotated: no query per row)."""

    def get_value(self, instance):
        count = getattr(instance, "to_review", 0)
        label = (
            ngettext("%(n)s por revisar", "%(n)s por revisar", count) % {"n": count}
            if count
            else _("Ver postulaciones")
        )
        return format_html('<a href="{}">{}</a>', reverse("cohorts:applications", args=[instance.pk]), label)


class CohortIndexView(OwnCohortsMixin, generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                to_review=Count(
                    "participations", filter=Q(participations__status=Participation.Status.APPLIED), distinct=True
                )
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons += [
            ListingMenuItem(label, url=url, icon_name=icon, priority=30 + n)
            for n, (label, url, icon) in enumerate(_front_office_links(instance))
        ]
        return buttons


class CohortEditView(OwnCohortsMixin, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        return super().header_more_buttons + [
            Button(label, url=url, icon_name=icon, priority=30 + n)
            for n, (label, url, icon) in enumerate(_front_office_links(self.object))
        ]


class CohortDeleteView(OwnCohortsMixin, generic.DeleteView):
    pass


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
    edit_handler = ObjectList(Cohort.panels, base_form_class=CohortAdminForm)
    add_view_class = CohortCreateView
    copy_view_enabled = False
    list_display = [
        "name",
        "city",
        "start_date",
        "capacity",
        ApplicationsColumn("applications", label=_("Postulaciones")),
    ]
    list_filter = ["city", "start_date"]
    search_fields = ["name", "city"]
    ordering = ["-start_date"]
    index_view_class = CohortIndexView
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView


class ReadOnlyForCoordination(ModelPermissionPolicy):
    """The participation log is append-only: coordination and admins read it; nobody adds, edits or deletes
    it here (the intake services write it). Which cohorts a coordinator sees is OwnCohortsMixin's job."""

    def _reads(self, user) -> bool:
        return user.is_active and (user.is_superuser or has_role(user, Role.COORDINATOR) or has_role(user, Role.ADMIN))

    def user_has_permission(self, user, action):
        return action == "view" and self._reads(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self._reads(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(groups__name__in=[Role.COORDINATOR.value, Role.ADMIN.value]).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(ParticipationEvent, ReadOnlyForCoordination(ParticipationEvent))


class EventIndexView(OwnCohortsMixin, generic.IndexView):
    cohort_path = "participation__cohort__"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("participation__user", "participation__cohort", "actor")


class EventInspectView(OwnCohortsMixin, InspectView):
    cohort_path = "participation__cohort__"


class ParticipationEventViewSet(ModelViewSet):
    model = ParticipationEvent
    icon = "history"
    menu_label = _("Movimientos de postulaciones")
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        DateColumn("created_at", label=_("Fecha"), sort_key="created_at"),
        Column("person", label=_("Persona"), accessor="participation.user.display_name"),
        Column("cohort", label=_("Cohorte"), accessor="participation.cohort.name"),
        Column("kind", label=_("Movimiento"), accessor="get_kind_display"),
        "detail",
        Column("actor", label=_("Hecho por"), accessor=lambda e: e.actor.display_name if e.actor else "—"),
    ]
    list_filter = ["kind"]
    ordering = ["-created_at", "-id"]
    inspect_view_fields = ["participation", "kind", "detail", "actor", "created_at"]
    form_fields = ["detail"]  # required by ModelViewSet; the policy denies every change
    index_view_class = EventIndexView
    inspect_view_class = EventInspectView
