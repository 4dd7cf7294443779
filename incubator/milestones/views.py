"""Milestones, mentor log and prototypes: plain POST forms and redirects, no JavaScript needed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cms.forms_flow import handle_action, handle_form
from incubator.milestones import selectors, services
from incubator.milestones.forms import (
    EvidenceForm,
    FeedbackForm,
    LogTaskForm,
    MentorLogForm,
    PrototypeForm,
    PrototypePhotoForm,
    ReviewForm,
)
from incubator.milestones.models import Milestone, Prototype
from incubator.milestones.services import MilestoneError
from incubator.ventures.access import can_edit_venture, can_review_venture
from incubator.ventures.selectors import venture_or_404


def _require_edit(request: HttpRequest, venture) -> None:
    if not can_edit_venture(request.user, venture):
        raise PermissionDenied


def _require_review(request: HttpRequest, venture) -> None:
    if not can_review_venture(request.user, venture):
        raise PermissionDenied


def _detail_url(milestone: Milestone) -> str:
    return reverse("milestones:detail", kwargs={"pk": milestone.pk})


def _prototype_url(prototype: Prototype) -> str:
    return reverse("milestones:prototype", kwargs={"pk": prototype.pk})


@login_required
def timeline(request, venture_pk: int):
    """Los hitos del emprendimiento, en orden, con su estado."""
    venture = venture_or_404(user=request.user, pk=venture_pk)
    return render(
        request,
        "milestones/timeline.html",
        {
            "venture": venture,
            "milestones": selectors.milestone_timeline(venture=venture),
            "can_edit": can_edit_venture(request.user, venture),
            "can_review": can_review_venture(request.user, venture),
        },
    )


@login_required
@require_POST
def milestones_create(request, venture_pk: int):
    venture = venture_or_404(user=request.user, pk=venture_pk)
    if not (can_edit_venture(request.user, venture) or can_review_venture(request.user, venture)):
        raise PermissionDenied
    services.milestones_create_for(venture=venture)
    messages.success(request, _("Los hitos del emprendimiento están listos."))
    return redirect("milestones:timeline", venture_pk=venture.pk)


def _detail(request, milestone: Milestone, *, status: int = 200, **forms):
    venture = milestone.venture
    can_edit = can_edit_venture(request.user, venture)
    context = {
        "venture": venture,
        "milestone": milestone,
        **selectors.milestone_detail(milestone=milestone),
        "can_edit": can_edit and milestone.team_can_change,
        "can_review": can_review_venture(request.user, venture) and milestone.status == Milestone.Status.SUBMITTED,
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "review_form": forms.get("review_form") or ReviewForm(),
        "max_evidence": services.MAX_EVIDENCE_PER_MILESTONE,
    }
    return render(request, "milestones/milestone_detail.html", context, status=status)


@login_required
def milestone_detail(request, pk: int):
    return _detail(request, selectors.milestone_for(user=request.user, pk=pk))


@login_required
@require_POST
def task_toggle(request, pk: int, task_pk: int):
    milestone = selectors.milestone_for(user=request.user, pk=pk)
    _require_edit(request, milestone.venture)
    task = selectors.task_for(milestone=milestone, pk=task_pk)
    done = request.POST.get("done") == "1"
    return handle_action(
        request,
        service=lambda: services.task_set_done(task=task, by=request.user, done=done),
        success_url=_detail_url(milestone),
        success_message=None,
        refused=MilestoneError,
    )


@login_required
@require_POST
def evidence_upload(request, pk: int):
    milestone = selectors.milestone_for(user=request.user, pk=pk)
    _require_edit(request, milestone.venture)
    return handle_form(
        request,
        EvidenceForm(request.POST, request.FILES),
        service=lambda data: services.evidence_add(milestone=milestone, upload=data["file"], by=request.user),
        success_url=_detail_url(milestone),
        success_message=_("Archivo guardado."),
        refused=MilestoneError,
        error_field="file",
        invalid=lambda form: _detail(request, milestone, status=400, evidence_form=form),
    )


@never_cache
@login_required
def evidence_download(request, pk: int):
    """The file, only for people who may see the venture (404 for everyone else)."""
    evidence = selectors.evidence_for(user=request.user, pk=pk)
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=evidence.content_type,
        as_attachment=evidence.kind == "pdf",
        filename=f"evidencia-{evidence.pk}{evidence.extension}",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def evidence_delete(request, pk: int):
    evidence = selectors.evidence_for(user=request.user, pk=pk)
    milestone = evidence.milestone
    _require_edit(request, milestone.venture)
    return handle_action(
        request,
        service=lambda: services.evidence_delete(evidence=evidence, by=request.user),
        success_url=_detail_url(milestone),
        success_message=_("Archivo borrado."),
        refused=MilestoneError,
    )


@login_required
@require_POST
def milestone_submit(request, pk: int):
    milestone = selectors.milestone_for(user=request.user, pk=pk)
    _require_edit(request, milestone.venture)
    return handle_action(
        request,
        service=lambda: services.milestone_submit(milestone=milestone, by=request.user),
        success_url=_detail_url(milestone),
        success_message=_("Enviaste el hito. Tu mentor(a) lo revisará."),
        refused=MilestoneError,
    )


@login_required
@require_POST
def milestone_review(request, pk: int):
    milestone = selectors.milestone_for(user=request.user, pk=pk)
    _require_review(request, milestone.venture)
    return handle_form(
        request,
        ReviewForm(request.POST),
        service=lambda data: services.milestone_review(milestone=milestone, by=request.user, **data),
        success_url=_detail_url(milestone),
        success_message=_("Revisión guardada."),
        refused=MilestoneError,
        invalid=lambda form: _detail(request, milestone, status=400, review_form=form),
    )


@login_required
def mentor_log(request, venture_pk: int):
    """Bitácora de mentoría: the team and mentors read it; mentors write after each meeting."""
    venture = venture_or_404(user=request.user, pk=venture_pk)
    can_write = can_review_venture(request.user, venture)
    form = MentorLogForm(request.POST or None)

    def page(form):
        milestones = list(venture.milestones.order_by("position")) if can_write else []
        return render(
            request,
            "milestones/mentor_log.html",
            {
                "venture": venture,
                "entries": selectors.mentor_log_for(venture=venture),
                "form": form,
                "can_write": can_write,
                "task_form": LogTaskForm(milestones=milestones),
            },
            status=400 if form.is_bound else 200,
        )

    if request.method != "POST":
        return page(form)
    if not can_write:
        raise PermissionDenied
    return handle_form(
        request,
        form,
        service=lambda data: services.mentor_log_add(venture=venture, by=request.user, **data),
        success_url=reverse("milestones:mentor_log", kwargs={"venture_pk": venture.pk}),
        success_message=_("Bitácora guardada."),
        invalid=page,
    )


@login_required
@require_POST
def mentor_log_task(request, pk: int):
    entry = selectors.mentor_log_entry_for(user=request.user, pk=pk)
    _require_review(request, entry.venture)
    form = LogTaskForm(request.POST, milestones=list(entry.venture.milestones.all()))
    if form.is_valid():
        try:
            services.mentor_log_task_create(entry=entry, milestone=form.cleaned_data["milestone"], by=request.user)
            messages.success(request, _("El próximo paso ahora es una tarea del hito."))
        except MilestoneError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Elige un hito."))
    return redirect("milestones:mentor_log", venture_pk=entry.venture_id)


@login_required
def prototypes(request, venture_pk: int):
    """Prototipos: the versions on a timeline, newest first; the team adds a version."""
    venture = venture_or_404(user=request.user, pk=venture_pk)
    can_edit = can_edit_venture(request.user, venture)
    form = PrototypeForm(request.POST or None)

    def page(form):
        return render(
            request,
            "milestones/prototypes.html",
            {
                "venture": venture,
                "prototypes": selectors.prototypes_for(venture=venture),
                "form": form,
                "can_edit": can_edit,
            },
            status=400 if form.is_bound else 200,
        )

    if request.method != "POST":
        return page(form)
    _require_edit(request, venture)
    return handle_form(
        request,
        form,
        service=lambda data: services.prototype_create(venture=venture, by=request.user, **data),
        success_url=_prototype_url,
        success_message=_("Nueva versión guardada. Ahora sube sus fotos."),
        invalid=page,
    )


def _prototype_page(request, prototype: Prototype, *, status: int = 200, **forms):
    return render(
        request,
        "milestones/prototype_detail.html",
        {
            "venture": prototype.venture,
            "prototype": prototype,
            "photos": list(prototype.photos.all()),
            "feedback": list(prototype.feedback.all()),
            "can_edit": can_edit_venture(request.user, prototype.venture),
            "photo_form": forms.get("photo_form") or PrototypePhotoForm(),
            "feedback_form": forms.get("feedback_form") or FeedbackForm(),
            "max_photos": services.MAX_PHOTOS_PER_PROTOTYPE,
        },
        status=status,
    )


@login_required
def prototype_detail(request, pk: int):
    return _prototype_page(request, selectors.prototype_for(user=request.user, pk=pk))


@login_required
@require_POST
def prototype_photo_upload(request, pk: int):
    prototype = selectors.prototype_for(user=request.user, pk=pk)
    _require_edit(request, prototype.venture)
    return handle_form(
        request,
        PrototypePhotoForm(request.POST, request.FILES),
        service=lambda data: services.prototype_photo_add(prototype=prototype, upload=data["photo"], by=request.user),
        success_url=_prototype_url(prototype),
        success_message=_("Foto guardada."),
        error_field="photo",
        invalid=lambda form: _prototype_page(request, prototype, status=400, photo_form=form),
    )


@login_required
@require_POST
def prototype_feedback(request, pk: int):
    prototype = selectors.prototype_for(user=request.user, pk=pk)
    _require_edit(request, prototype.venture)
    return handle_form(
        request,
        FeedbackForm(request.POST),
        service=lambda data: services.prototype_feedback_add(prototype=prototype, by=request.user, **data),
        success_url=_prototype_url(prototype),
        success_message=_("Opinión guardada."),
        invalid=lambda form: _prototype_page(request, prototype, status=400, feedback_form=form),
    )


@never_cache
@login_required
def prototype_photo(request, pk: int):
    """A prototype photo, only for people who may see the venture."""
    photo = selectors.prototype_photo_for(user=request.user, pk=pk)
    response = FileResponse(
        photo.image.open("rb"), content_type="image/jpeg", filename=f"prototipo-{photo.pk}.jpg"
    )  # inline, with a name of ours
    response["Cache-Control"] = "private, no-store"
    return response
