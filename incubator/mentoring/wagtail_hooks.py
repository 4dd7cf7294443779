"""Back office: coordinators schedule and correct mentoring sessions and read attendance in the Wagtail admin."""

from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.admin_display import InspectView, YesNoColumn
from incubator.mentoring import services
from incubator.mentoring.forms import SessionAdminForm
from incubator.mentoring.models import Attendance, MentoringSession


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Attendance is written by the room and the roll call, never by hand: the admin only lists it."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"] or ["view"])


register_permission_policy(Attendance, ReadOnlyPolicy(Attendance))


class SessionCreateView(CreateView):
    def save_instance(self):
        """Through the same service as the front office (validation, the scheduling mentor added)."""
        data = self.form.cleaned_data
        return services.session_schedule(
            by=self.request.user,
            topic=data["topic"],
            description=data.get("description", ""),
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            video_url=data.get("video_url", ""),
            location=data.get("location", ""),
            mentors=data.get("mentors") or [],
            participants=data.get("participants") or [],
            cohort=data.get("cohort"),
            ventures=data.get("ventures") or [],
        )

    def form_valid(self, form):
        """The service refuses a cohort or ventures outside the person's scope: show it next to the field."""
        try:
            return super().form_valid(form)
        except ValidationError as exc:
            form.add_error(None, exc)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class MentoringSessionViewSet(ModelViewSet):
    model = MentoringSession
    icon = "group"
    menu_label = _("Sesiones")
    add_view_class = SessionCreateView
    copy_view_enabled = False
    form_fields = [
        "topic",
        "description",
        "starts_at",
        "ends_at",
        "video_url",
        "location",
        "mentors",
        "participants",
        "cohort",
        "ventures",
    ]
    list_display = ["topic", "starts_at", "ends_at", "closed_at"]
    list_filter = ["starts_at", "mentors"]
    search_fields = ["topic", "description"]
    ordering = ["-starts_at"]

    def get_form_class(self, for_update=False):
        """Django's model form on SessionAdminForm, which limits the people offered to the person's own."""
        return modelform_factory(
            self.model, form=SessionAdminForm, fields=self.form_fields, formfield_callback=self.formfield_for_dbfield
        )


class AttendanceViewSet(ModelViewSet):
    model = Attendance
    icon = "list-ul"
    menu_label = _("Asistencia")
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = InspectView
    form_fields = ["present"]
    list_display = ["session", "user", "source", YesNoColumn("present", label=_("Presente")), "joined_at", "left_at"]
    list_filter = ["source", "present"]
    search_fields = ["session__topic", "user__username", "user__first_name", "user__last_name"]
    ordering = ["-joined_at"]


class MentoringViewSetGroup(ViewSetGroup):
    menu_label = _("Mentorías")
    menu_icon = "group"
    menu_order = 400
    items = (MentoringSessionViewSet("mentorias"), AttendanceViewSet("asistencia_mentorias"))


@hooks.register("register_admin_viewset")
def register_mentoring_viewsets():
    return MentoringViewSetGroup()
