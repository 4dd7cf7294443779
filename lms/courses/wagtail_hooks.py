from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cms.accounts.roles import Role, has_role
from cms.admin_display import InspectView
from lms.courses import admin_views, selectors
from lms.courses.models import Enrolment


@hooks.register("register_admin_urls")
def register_csv_urls():
    return [
        path("inscripciones/csv/", admin_views.csv_upload, name="courses_csv_upload"),
        path("inscripciones/csv/confirmar/", admin_views.csv_confirm, name="courses_csv_confirm"),
    ]


class CoordinationMenuItem(MenuItem):
    def is_shown(self, request):
        return has_role(request.user, Role.COORDINATOR, Role.ADMIN)


@hooks.register("register_admin_menu_item")
def register_csv_menu_item():
    return CoordinationMenuItem(_("Inscribir desde CSV"), reverse("courses_csv_upload"), icon_name="upload", order=310)


class EnrolmentIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != Enrolment.Status.CANCELLED and admin_views.can_cancel_enrolments(self.request.user):
            buttons.append(
                ListingMenuItem(
                    _("Cancelar inscripción"),
                    url=reverse("inscripciones:cancel", args=[instance.pk]),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class EnrolmentViewSet(ModelViewSet):
    """Who is enrolled in each course, and the waitlist in order. Changes go through services: the only
    action here is "Cancelar inscripción", which frees the seat for the waitlist and logs both steps."""

    model = Enrolment
    icon = "group"
    menu_label = _("Inscripciones")
    menu_order = 300
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["user", "course", "status", "queued_at", "source", "created_at"]
    list_filter = ["status", "course"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    ordering = ["course", "status", "queued_at", "created_at"]
    form_fields = ["user", "course", "status"]
    list_export = ["user", "course", "status", "queued_at", "source", "created_at"]
    export_filename = "inscripciones"
    index_view_class = EnrolmentIndexView
    inspect_view_class = InspectView

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("cancelar/<id:pk>/", admin_views.enrolment_cancel, name="cancel"),
        ]


@hooks.register("register_admin_viewset")
def register_enrolment_viewset():
    return EnrolmentViewSet("inscripciones")


def _document_is_for(request, document) -> bool:
    """Who may download a Wagtail document (documents are never public):

    - coordination, administration and whoever may edit or choose it in the Wagtail admin;
    - the people its collection is meant for, when the collection has a view restriction they pass
      ("logged in", a group they belong to, or its password);
    - the people who may read a live lesson that links it: the course's active learners and those who
      may preview the course (its mentors). Documents linked only from other pages are for staff only.
    """
    from wagtail.documents.permissions import permission_policy

    user = request.user
    if has_role(user, Role.COORDINATOR, Role.ADMIN):
        return True
    if permission_policy.user_has_any_permission_for_instance(user, ["change", "choose"], document):
        return True
    restrictions = list(document.collection.get_view_restrictions())
    if restrictions and all(restriction.accept_request(request) for restriction in restrictions):
        return True
    return selectors.may_read_linked_document(user=user, document=document)


@hooks.register("before_serve_document")
def documents_only_for_their_readers(document, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not _document_is_for(request, document):
        raise Http404
    return None
