"""Reads for milestones, the mentor log and prototypes. Each object is reached through ventures_visible_to."""

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from incubator.milestones.models import (
    Evidence,
    MentorLogEntry,
    Milestone,
    Prototype,
    PrototypePhoto,
    Task,
)
from incubator.ventures.access import ventures_visible_to
from incubator.ventures.models import Venture


def _visible(qs, user, path: str):
    obj = qs.filter(**{f"{path}__in": ventures_visible_to(user).values("pk")}).first()
    if obj is None:
        raise Http404
    return obj


def milestone_for(*, user, pk: int) -> Milestone:
    return _visible(Milestone.objects.select_related("venture__cohort").filter(pk=pk), user, "venture")


def milestone_detail(*, milestone: Milestone) -> dict:
    """Tasks, evidence and reviews of one milestone: three queries."""
    return {
        "tasks": list(milestone.tasks.all()),
        "evidence": list(milestone.evidence.all()),
        "reviews": list(milestone.reviews.select_related("author")),
    }


def evidence_for(*, user, pk: int) -> Evidence:
    return _visible(
        Evidence.objects.select_related("milestone__venture__cohort").filter(pk=pk), user, "milestone__venture"
    )


def task_for(*, milestone: Milestone, pk: int) -> Task:
    task = Task.objects.filter(pk=pk, milestone=milestone).first()
    if task is None:
        raise Http404
    task.milestone = milestone
    return task


def milestone_timeline(*, venture: Venture) -> list[Milestone]:
    """The venture's milestones in order, each with tasks_done/tasks_total/evidence_count (one query)."""
    return list(
        venture.milestones.annotate(
            tasks_total=Count("tasks", distinct=True),
            tasks_done=Count("tasks", filter=Q(tasks__done=True), distinct=True),
            evidence_count=Count("evidence", distinct=True),
        ).order_by("position")
    )


def milestone_summary_for_cohort(*, cohort) -> dict[int, tuple[int, int, int]]:
    """{venture_id: (approved, total, overdue)} for every venture of the cohort with milestones, one query."""
    approved = Q(status=Milestone.Status.APPROVED)
    overdue = Q(due_date__lt=timezone.localdate()) & ~approved
    rows = (
        Milestone.objects.filter(venture__cohort=cohort)
        .order_by()
        .values("venture_id")
        .annotate(approved=Count("pk", filter=approved), total=Count("pk"), overdue=Count("pk", filter=overdue))
    )
    return {r["venture_id"]: (r["approved"], r["total"], r["overdue"]) for r in rows}


def mentor_log_for(*, venture: Venture) -> list[MentorLogEntry]:
    return list(venture.mentor_log.select_related("author", "task__milestone"))


def mentor_log_entry_for(*, user, pk: int) -> MentorLogEntry:
    return _visible(MentorLogEntry.objects.select_related("venture__cohort").filter(pk=pk), user, "venture")


def prototypes_for(*, venture: Venture) -> list[Prototype]:
    """Versions newest first with their photos and customer notes (three queries)."""
    return list(venture.prototypes.prefetch_related("photos", "feedback"))


def prototype_for(*, user, pk: int) -> Prototype:
    return _visible(Prototype.objects.select_related("venture__cohort").filter(pk=pk), user, "venture")


def prototype_photo_for(*, user, pk: int) -> PrototypePhoto:
    return _visible(PrototypePhoto.objects.filter(pk=pk), user, "prototype__venture")


def milestones_to_review_for(*, user) -> list[Milestone]:
    """Milestones sent for review in the ventures this person mentors, oldest first: one query."""
    return list(
        Milestone.objects.filter(venture__mentors=user, status=Milestone.Status.SUBMITTED)
        .select_related("venture")
        .order_by("due_date", "pk")
        .distinct()
    )


def milestones_overdue_for_coordinator(*, user, is_admin: bool) -> list[Milestone]:
    """Milestones past their date and not approved in the cohorts this person runs (admins: all),
    oldest first: one query."""
    qs = Milestone.objects.filter(due_date__lt=timezone.localdate()).exclude(status=Milestone.Status.APPROVED)
    if not is_admin:
        qs = qs.filter(venture__cohort__coordinators=user)
    return list(qs.select_related("venture").order_by("due_date", "pk").distinct())


def milestones_of_ventures(*, venture_ids: list[int]) -> list[Milestone]:
    """The milestones of several ventures, by venture and position: one query."""
    return list(Milestone.objects.filter(venture_id__in=venture_ids).order_by("venture_id", "position"))
