"""Milestones: template, creation, the submit -> changes -> resubmit -> approved flow, overdue, mentor log."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from incubator.milestones import services
from incubator.milestones.models import Milestone, MilestoneTemplate, Review
from incubator.milestones.selectors import milestone_summary_for_cohort
from incubator.milestones.services import MilestoneError
from tests.factories import VentureFactory

pytestmark = pytest.mark.django_db


def test_the_default_template_has_the_four_months_and_is_created_once():
    first = services.milestones_default_template_ensure()
    again = services.milestones_default_template_ensure()
    assert first.pk == again.pk
    assert MilestoneTemplate.objects.filter(cohort__isnull=True).count() == 1
    assert [i.code for i in first.items.order_by("sort_order")] == ["M1", "M2", "M3", "M4"]


def test_milestones_are_created_once_with_tasks_and_due_dates_from_the_cohort_start(team):
    venture = team[0]
    milestones = services.milestones_create_for(venture=venture)  # second call: nothing new
    assert [m.code for m in milestones] == ["M1", "M2", "M3", "M4"]
    assert venture.milestones.count() == 4
    assert milestones[0].due_date == venture.cohort.start_date + timedelta(days=30)
    assert milestones[0].tasks.count() == 3
    assert all(m.status == Milestone.Status.PENDING for m in milestones)


def test_submit_changes_resubmit_approve(team, first_milestone):
    venture, member, mentor, _coordinator = team
    services.milestone_submit(milestone=first_milestone, by=member)
    with pytest.raises(MilestoneError):
        services.milestone_submit(milestone=first_milestone, by=member)
    with pytest.raises(ValidationError):
        services.milestone_review(milestone=first_milestone, by=mentor, decision="requiere_cambios", comment=" ")
    services.milestone_review(
        milestone=first_milestone, by=mentor, decision="requiere_cambios", comment="Falta entrevistar a más clientes."
    )
    first_milestone.refresh_from_db()
    assert first_milestone.status == Milestone.Status.CHANGES
    task = first_milestone.tasks.first()
    services.task_set_done(task=task, by=member, done=True)
    services.milestone_submit(milestone=first_milestone, by=member)
    with pytest.raises(MilestoneError):
        services.task_set_done(task=task, by=member, done=False)
    services.milestone_review(milestone=first_milestone, by=mentor, decision="aprobado", comment="")
    first_milestone.refresh_from_db()
    assert first_milestone.status == Milestone.Status.APPROVED and first_milestone.approved_at
    assert list(Review.objects.filter(milestone=first_milestone).values_list("decision", "author")) == [
        ("requiere_cambios", mentor.pk),
        ("aprobado", mentor.pk),
    ]
    with pytest.raises(MilestoneError):
        services.milestone_review(milestone=first_milestone, by=mentor, decision="aprobado", comment="")


def test_a_past_due_milestone_is_overdue_until_approved(team, first_milestone):
    venture, member, mentor, _ = team
    Milestone.objects.filter(pk=first_milestone.pk).update(due_date=timezone.localdate() - timedelta(days=1))
    first_milestone.refresh_from_db()
    assert first_milestone.is_overdue
    services.milestone_submit(milestone=first_milestone, by=member)
    first_milestone.refresh_from_db()
    assert first_milestone.is_overdue
    services.milestone_review(milestone=first_milestone, by=mentor, decision="aprobado", comment="")
    first_milestone.refresh_from_db()
    assert not first_milestone.is_overdue


def test_cohort_summary_counts_approved_total_and_overdue_in_one_query(
    team, first_milestone, django_assert_num_queries
):
    venture, member, mentor, _ = team
    other = VentureFactory(cohort=venture.cohort)
    services.milestones_create_for(venture=other)
    Milestone.objects.filter(venture=other, position__lte=2).update(due_date=timezone.localdate() - timedelta(days=3))
    services.milestone_submit(milestone=first_milestone, by=member)
    services.milestone_review(milestone=first_milestone, by=mentor, decision="aprobado", comment="")
    with django_assert_num_queries(1):
        summary = milestone_summary_for_cohort(cohort=venture.cohort)
    assert summary == {venture.pk: (1, 4, 0), other.pk: (0, 4, 2)}


def test_a_mentor_log_next_step_becomes_a_task_once(team, first_milestone):
    venture, member, mentor, _ = team
    due = timezone.localdate() + timedelta(days=7)
    entry = services.mentor_log_add(
        venture=venture,
        by=mentor,
        seen="Revisamos los precios.",
        next_step="Preguntar precios a 3 proveedores",
        due_on=due,
    )
    task = services.mentor_log_task_create(entry=entry, milestone=first_milestone, by=mentor)
    assert task.milestone == first_milestone and task.title == "Preguntar precios a 3 proveedores"
    assert task.due_on == due
    entry.refresh_from_db()
    assert entry.task == task
    with pytest.raises(MilestoneError):
        services.mentor_log_task_create(entry=entry, milestone=first_milestone, by=mentor)


def test_a_log_task_cannot_go_to_another_ventures_milestone(team):
    venture, _member, mentor, _ = team
    other = VentureFactory(cohort=venture.cohort)
    services.milestones_create_for(venture=other)
    entry = services.mentor_log_add(venture=venture, by=mentor, seen="x", next_step="y", due_on=timezone.localdate())
    with pytest.raises(MilestoneError):
        services.mentor_log_task_create(entry=entry, milestone=other.milestones.first(), by=mentor)
