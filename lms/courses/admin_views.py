"""Wagtail admin views for coordinators: CSV bulk enrolment (upload > preview > confirm), cancel an enrolment."""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.accounts.roles import Role, has_role
from lms.courses import services
from lms.courses.csv_import import pairs_digest
from lms.courses.forms import EnrolmentCsvForm
from lms.courses.models import Enrolment
from lms.courses.tasks import enrolment_csv_import_job

SESSION_KEY = "courses_csv_import"


def _require_coordination(request) -> None:
    if not has_role(request.user, Role.COORDINATOR, Role.ADMIN):
        raise PermissionDenied


def csv_upload(request):
    """Upload and preview. Only an error-free preview is kept in the session for confirm."""
    _require_coordination(request)
    request.session.pop(SESSION_KEY, None)
    form = EnrolmentCsvForm(request.POST or None, request.FILES or None)
    context = {"form": form, "preview": None}
    if request.method == "POST" and form.is_valid():
        preview = form.preview
        context["preview"] = preview
        if not preview.errors and preview.new:
            pairs = preview.pairs
            context["digest"] = pairs_digest(pairs)
            request.session[SESSION_KEY] = {
                "pairs": pairs,
                "digest": context["digest"],
                "preview_id": secrets.token_urlsafe(12),  # names this import's job: one job per preview
            }
    return TemplateResponse(request, "courses/admin/csv_upload.html", context)


@require_POST
def csv_confirm(request):
    """Queue the import of the previewed file (all or nothing) and show its progress; a stale or missing
    preview imports nothing. A second click finds the same job."""
    _require_coordination(request)
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("digest") != request.POST.get("digest"):
        messages.error(request, _("La vista previa ya no está disponible. Sube el archivo otra vez."))
        return redirect("courses_csv_upload")
    # The preview stays in the session until the next upload: a second click finds the same job.
    job = enrolment_csv_import_job(pairs=stored["pairs"], preview_id=stored["preview_id"], actor=request.user)
    return redirect("jobs:status", job_id=job.pk)


def can_cancel_enrolments(user) -> bool:
    """Coordination and administration, the people who see the enrolment list in the admin."""
    return has_role(user, Role.COORDINATOR, Role.ADMIN) and user.has_perm("courses.view_enrolment")


def enrolment_cancel(request, pk: int):
    """GET asks to confirm; POST cancels through the service, which gives the freed seat to the waitlist."""
    if not can_cancel_enrolments(request.user):
        raise PermissionDenied
    enrolment = get_object_or_404(Enrolment.objects.select_related("user", "course"), pk=pk)
    if enrolment.status == Enrolment.Status.CANCELLED:
        messages.info(request, _("Esta inscripción ya estaba cancelada."))
        return redirect("inscripciones:index")
    if request.method == "POST":
        services.enrolment_cancel(enrolment=enrolment, actor=request.user)
        messages.success(
            request,
            _("Inscripción cancelada: %(person)s en %(course)s.")
            % {"person": enrolment.user, "course": enrolment.course.title},
        )
        return redirect("inscripciones:index")
    return TemplateResponse(
        request,
        "courses/admin/enrolment_cancel.html",
        {
            "enrolment": enrolment,
            "frees_a_seat": enrolment.status == Enrolment.Status.ACTIVE,
        },
    )
