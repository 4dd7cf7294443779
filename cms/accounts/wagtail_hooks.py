from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from cms.accounts import admin_views
from cms.accounts.deletion import person_delete_blockers, person_delete_refusal
from cms.accounts.models import ConsentVersion, User

people_urls = [
    path("", admin_views.people_index, name="index"),
    path("nueva/", admin_views.person_create, name="create"),
    path("<id:pk>/clave/", admin_views.person_password, name="password"),
]


class PeopleMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_manage_people(request.user)


class ConsentVersionViewSet(ModelViewSet):
    """Coordinators publish a new consent text; people who accepted an older one are asked again."""

    model = ConsentVersion
    icon = "doc-full"
    menu_label = _("Consentimiento")
    menu_order = 910
    add_to_admin_menu = True
    form_fields = ["version", "body"]
    list_display = ["version", "published_at"]
    url_prefix = "consentimiento"
    name = "consentimiento"


@hooks.register("register_admin_urls")
def register_people_urls():
    return [path("personas/", include((people_urls, "semilla_personas")))]


@hooks.register("register_admin_menu_item")
def register_people_menu_item():
    return PeopleMenuItem(_("Personas"), reverse("semilla_personas:index"), icon_name="group", order=900)


@hooks.register("register_admin_viewset")
def register_consent_viewset():
    return ConsentVersionViewSet()


@hooks.register("before_delete_user")
def refuse_deleting_a_person_with_records(request, user):
    """Wagtail's user delete view: a person whose records protect them is not deleted (it answered 500)."""
    blockers = person_delete_blockers(user=user)
    if blockers:
        messages.error(request, person_delete_refusal(blockers))
        return redirect("wagtailusers_users:edit", user.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_people_with_records(request, action_type, objects, action_class_instance):
    """Wagtail's bulk delete of users: refused as a whole when any of them has records that protect them."""
    if action_type != "delete" or action_class_instance.model is not User:
        return None
    blockers = sorted({kind for person in objects for kind in person_delete_blockers(user=person)})
    if blockers:
        messages.error(request, person_delete_refusal(blockers))
        return redirect("wagtailusers_users:index")
    return None
