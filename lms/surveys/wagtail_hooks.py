from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from cms.accounts.roles import Role, has_role
from lms.surveys.selectors import satisfaction_by_course


def can_see_satisfaction(user) -> bool:
    return has_role(user, Role.COORDINATOR, Role.ADMIN)


class SatisfactionReportView(WagtailAdminTemplateMixin, TemplateView):
    """ "% satisfechos" per course, for coordination and admins."""

    template_name = "surveys/admin/report.html"
    page_title = _("Satisfacción por curso")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_satisfaction(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = satisfaction_by_course()
        return context


class CoordinationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_satisfaction(request.user)


@hooks.register("register_admin_urls")
def register_satisfaction_url():
    return [path("satisfaccion/", SatisfactionReportView.as_view(), name="surveys_satisfaction")]


@hooks.register("register_admin_menu_item")
def register_satisfaction_menu_item():
    return CoordinationMenuItem(_("Satisfacción"), reverse("surveys_satisfaction"), icon_name="list-ul", order=330)
