"""Writes for milestones, tasks, evidence, reviews, the mentor log and prototypes."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from incubator.milestones.models import (
    Evidence,
    MentorLogEntry,
    Milestone,
    MilestoneTemplate,
    MilestoneTemplateItem,
    Prototype,
    PrototypeFeedback,
    PrototypePhoto,
    Review,
    Task,
)
from incubator.milestones.uploads import evidence_check, prototype_photo_check
from incubator.ventures.models import Venture

MAX_EVIDENCE_PER_MILESTONE = 10
MAX_PHOTOS_PER_PROTOTYPE = 6

DEFAULT_ITEMS = [
    (
        "M1",
        "Validación del problema y de los clientes",
        "Habla con clientes reales y confirma que el problema existe.",
        30,
        ["Entrevistar a 10 posibles clientes", "Escribir el problema en una frase", "Anotar cuánto pagarían hoy"],
    ),
    (
        "M2",
        "Prototipo v1",
        "Haz una primera versión de tu producto o servicio y muéstrala.",
        60,
        ["Hacer el prototipo", "Tomar fotos del prototipo", "Pedir opinión a 5 clientes"],
    ),
    (
        "M3",
        "Primeras ventas",
        "Vende por primera vez y registra lo que entra y lo que sale.",
        90,
        [
            "Vender a los primeros clientes",
            "Anotar las ventas en el diario de caja",
            "Revisar el precio con tus costos",
        ],
    ),
    (
        "M4",
        "Plan final y ensayo del pitch",
        "Cierra tu plan de negocio y ensaya tu presentación al jurado.",
        120,
        ["Terminar el plan de negocio", "Preparar el pitch de 3 minutos", "Ensayar el pitch con tu mentor(a)"],
    ),
]


class MilestoneError(Exception):
    """A milestone action that does not fit its current state; the message is for the person."""


def milestones_default_template_ensure() -> MilestoneTemplate:
    """The default template (no cohort) with M1-M4; created once, never overwritten (idempotent)."""
    with transaction.atomic():
        template = MilestoneTemplate.objects.select_for_update().filter(cohort__isnull=True).first()
        if template is not None:
            return template
        template = MilestoneTemplate.objects.create(name="Incubadora de cuatro meses")
        for order, (code, title, description, days, tasks) in enumerate(DEFAULT_ITEMS):
            MilestoneTemplateItem.objects.create(
                template=template,
                sort_order=order,
                code=code,
                title=title,
                description=description,
                due_days=days,
                tasks="\n".join(tasks),
            )
        return template


def milestone_template_for(*, cohort) -> MilestoneTemplate:
    """The cohort's own template if it has one, else the default."""
    own = MilestoneTemplate.objects.filter(cohort=cohort).first()
    return own or milestones_default_template_ensure()


def milestones_for_new_venture(sender, *, venture: Venture, **kwargs) -> None:
    """Receiver of ventures.signals.venture_created: a new venture starts with its cohort's milestones."""
    milestones_create_for(venture=venture)


def milestones_create_for(*, venture: Venture) -> list[Milestone]:
    """Instantiate the cohort's milestones and tasks for a venture. Does nothing if it already has them."""
    template = milestone_template_for(cohort=venture.cohort)
    items = list(template.items.order_by("sort_order", "pk"))
    with transaction.atomic():
        # Lock the venture: two clicks (or two coordinators) must not create the milestones twice.
        Venture.objects.select_for_update().get(pk=venture.pk)
        existing = list(venture.milestones.order_by("position"))
        if existing:
            return existing
        start = venture.cohort.start_date
        created = []
        for position, item in enumerate(items, start=1):
            milestone = Milestone.objects.create(
                venture=venture,
                position=position,
                code=item.code,
                title=item.title,
                description=item.description,
                due_date=start + timedelta(days=item.due_days),
            )
            Task.objects.bulk_create([Task(milestone=milestone, title=t) for t in item.task_titles])
            created.append(milestone)
        return created


def _locked(milestone: Milestone) -> Milestone:
    return Milestone.objects.select_for_update().get(pk=milestone.pk)


def task_set_done(*, task: Task, by, done: bool) -> Task:
    """Tick or untick a task while the team works on its milestone. Raises MilestoneError otherwise."""
    with transaction.atomic():
        milestone = _locked(task.milestone)  # not while a mentor is reviewing it
        if not milestone.team_can_change:
            raise MilestoneError(_("Este hito ya fue enviado: espera la revisión."))
        task.done, task.done_at, task.done_by = done, (timezone.now() if done else None), (by if done else None)
        task.save(update_fields=["done", "done_at", "done_by"])
    return task


def evidence_add(*, milestone: Milestone, upload: UploadedFile, by) -> Evidence:
    """Check the file by content, then store it. Raises ValidationError (nothing written) or MilestoneError."""
    checked = evidence_check(upload)  # before any write: a refused file leaves no trace
    with transaction.atomic():
        # Lock the milestone: two uploads at once must not both see 9 files and make 11.
        locked = _locked(milestone)
        if not locked.team_can_change:
            raise MilestoneError(_("Este hito ya fue enviado: espera la revisión."))
        if locked.evidence.count() >= MAX_EVIDENCE_PER_MILESTONE:
            raise ValidationError(
                ngettext(
                    "Ya hay %(n)s archivo en este hito: bórralo para subir otro.",
                    "Ya hay %(n)s archivos en este hito: borra uno para subir otro.",
                    MAX_EVIDENCE_PER_MILESTONE,
                )
                % {"n": MAX_EVIDENCE_PER_MILESTONE},
                code="too_many",
            )
        evidence = Evidence(
            milestone=locked,
            kind=checked.kind,
            content_type=checked.content_type,
            extension=checked.extension,
            original_name=(upload.name or "archivo")[-150:],
            size=len(checked.content),
            uploaded_by=by,
        )
        evidence.file.save("x", ContentFile(checked.content), save=False)
        try:
            evidence.save()
        except Exception:
            evidence.file.delete(save=False)
            raise
    return evidence


def evidence_delete(*, evidence: Evidence, by) -> None:
    """Remove a file while the team still works on the milestone; the stored file goes after commit."""
    with transaction.atomic():
        if not _locked(evidence.milestone).team_can_change:
            raise MilestoneError(_("Este hito ya fue enviado: espera la revisión."))
        storage, name = evidence.file.storage, evidence.file.name
        evidence.delete()
        transaction.on_commit(lambda: storage.delete(name))


def milestone_submit(*, milestone: Milestone, by) -> Milestone:
    """The team sends the milestone for review (first time or after changes were asked)."""
    with transaction.atomic():
        # Lock: a double click must not submit twice, nor race a mentor's review.
        locked = _locked(milestone)
        if not locked.team_can_change:
            raise MilestoneError(_("Este hito ya fue enviado."))
        locked.status, locked.submitted_at = Milestone.Status.SUBMITTED, timezone.now()
        locked.save(update_fields=["status", "submitted_at", "updated_at"])
    return locked


def milestone_review(*, milestone: Milestone, by, decision: str, comment: str) -> Review:
    """The mentor approves a submitted milestone or asks for changes (a comment is then required)."""
    comment = comment.strip()
    if decision == Review.Decision.CHANGES and not comment:
        raise ValidationError({"comment": _("Escribe qué debe cambiar el equipo.")})
    with transaction.atomic():
        # Lock: two mentors reviewing at once; the second finds it no longer "enviado".
        locked = _locked(milestone)
        if locked.status != Milestone.Status.SUBMITTED:
            raise MilestoneError(_("Este hito no está esperando revisión."))
        review = Review.objects.create(milestone=locked, author=by, decision=decision, comment=comment)
        locked.status = Milestone.Status(decision)
        locked.approved_at = review.created_at if decision == Review.Decision.APPROVED else None
        locked.save(update_fields=["status", "approved_at", "updated_at"])
    return review


def mentor_log_add(*, venture: Venture, by, seen: str, next_step: str, due_on: date) -> MentorLogEntry:
    """Record a meeting in three fields."""
    return MentorLogEntry.objects.create(
        venture=venture, author=by, seen=seen.strip(), next_step=next_step.strip(), due_on=due_on
    )


def mentor_log_task_create(*, entry: MentorLogEntry, milestone: Milestone, by) -> Task:
    """Turn a log entry's next step into a task of one of the venture's milestones (once)."""
    if milestone.venture_id != entry.venture_id:
        raise MilestoneError(_("Elige un hito de este emprendimiento."))
    with transaction.atomic():
        # Lock the entry: a double click must not create the task twice.
        locked = MentorLogEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.task_id:
            raise MilestoneError(_("Este próximo paso ya es una tarea."))
        task = Task.objects.create(milestone=milestone, title=locked.next_step, due_on=locked.due_on)
        locked.task = task
        locked.save(update_fields=["task"])
    return task


def prototype_create(*, venture: Venture, by, description: str) -> Prototype:
    """A new prototype version numbered after the last one."""
    with transaction.atomic():
        # Lock the venture: two members adding a version at once must not get the same number.
        Venture.objects.select_for_update().get(pk=venture.pk)
        last = venture.prototypes.order_by("-number").values_list("number", flat=True).first() or 0
        return Prototype.objects.create(
            venture=venture, number=last + 1, description=description.strip(), created_by=by
        )


def prototype_photo_add(*, prototype: Prototype, upload: UploadedFile, by) -> PrototypePhoto:
    """Compress a photo to <= 200 KB and attach it (at most six per version). Raises ValidationError."""
    content, width, height = prototype_photo_check(upload)  # before any write
    with transaction.atomic():
        # Lock the version: two uploads at once must not make a seventh photo.
        locked = Prototype.objects.select_for_update().get(pk=prototype.pk)
        if locked.photos.count() >= MAX_PHOTOS_PER_PROTOTYPE:
            raise ValidationError(
                ngettext(
                    "Cada versión admite %(n)s foto.",
                    "Cada versión admite hasta %(n)s fotos.",
                    MAX_PHOTOS_PER_PROTOTYPE,
                )
                % {"n": MAX_PHOTOS_PER_PROTOTYPE},
                code="too_many",
            )
        photo = PrototypePhoto(prototype=locked, width=width, height=height, size=len(content))
        photo.image.save("x.jpg", ContentFile(content), save=False)
        try:
            photo.save()
        except Exception:
            photo.image.delete(save=False)
            raise
    return photo


def prototype_feedback_add(*, prototype: Prototype, by, note: str) -> PrototypeFeedback:
    """Write down what a customer said about a version."""
    return PrototypeFeedback.objects.create(prototype=prototype, author=by, note=note.strip())
