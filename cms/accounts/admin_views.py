"""Coordinators' "Personas" screens inside the Wagtail admin: list, create, reset password."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from cms.accounts import selectors, services
from cms.accounts.forms import LearnerCreateForm, PasswordResetForm
from cms.accounts.models import User
from cms.accounts.roles import Role, has_role


def can_manage_people(user) -> bool:
    return has_role(user, Role.COORDINATOR, Role.ADMIN)


def coordinators_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_manage_people(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@coordinators_only
def people_index(request):
    """Learners, searchable by username, name or phone."""
    search = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.learners_list(search=search), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "accounts/admin/people_index.html",
        {
            "page_title": _("Personas"),
            "header_icon": "group",
            "page": page,
            "search": search,
        },
    )


@coordinators_only
@require_http_methods(["GET", "POST"])
def person_create(request):
    """Open a learner account with a temporary password."""
    form = LearnerCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.learner_create(
            by=request.user,
            username=data["username"],
            password=data["password"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            phone=data["phone"],
        )
        messages.success(request, _("Creamos la cuenta «%(username)s».") % {"username": user.username})
        return redirect("semilla_personas:index")
    return TemplateResponse(
        request,
        "accounts/admin/person_form.html",
        {
            "page_title": _("Nueva cuenta de aprendiz"),
            "header_icon": "user",
            "form": form,
        },
    )


@coordinators_only
@require_http_methods(["GET", "POST"])
def person_password(request, pk: int):
    """Set a new temporary password; coordinators only for learners, admins for anyone."""
    target = get_object_or_404(User, pk=pk)
    if not services.can_reset_password_of(by=request.user, target=target):
        raise PermissionDenied
    form = PasswordResetForm(request.POST or None, target=target)
    if request.method == "POST" and form.is_valid():
        services.user_password_reset(by=request.user, target=target, password=form.cleaned_data["password"])
        messages.success(request, _("Cambiamos la contraseña de «%(username)s».") % {"username": target.username})
        return redirect("semilla_personas:index")
    return TemplateResponse(
        request,
        "accounts/admin/person_form.html",
        {
            "page_title": _("Cambiar contraseña de %(username)s") % {"username": target.username},
            "header_icon": "key",
            "form": form,
        },
    )
