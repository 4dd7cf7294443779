import pytest

from incubator.plans.fields import plan_values
from incubator.plans.selectors import versions_compare
from incubator.plans.services import (
    NothingToSubmit,
    PlanConflict,
    business_plan_ensure,
    business_plan_save,
    plan_version_submit,
)
from tests.incubator.plans.conftest import values_with

pytestmark = pytest.mark.django_db


def test_a_save_bumps_the_revision_and_records_who(plan, member):
    saved = business_plan_save(
        plan_id=plan.pk,
        by=member,
        base_revision=0,
        values=values_with(plan, summary="Macetas pintadas a mano con suculentas."),
    )
    assert saved.revision == 1
    assert saved.summary == "Macetas pintadas a mano con suculentas."
    assert saved.updated_by == member and saved.updated_at is not None


def test_saving_the_same_content_keeps_the_revision(plan, member):
    saved = business_plan_save(plan_id=plan.pk, by=member, base_revision=0, values=plan_values(plan))
    assert saved.revision == 0


def test_two_tabs_saving_from_the_same_revision_the_second_gets_a_conflict_and_nothing_is_overwritten(plan, member):
    business_plan_save(
        plan_id=plan.pk, by=member, base_revision=0, values=values_with(plan, problem="Texto de la pestaña A")
    )
    with pytest.raises(PlanConflict) as caught:
        business_plan_save(
            plan_id=plan.pk, by=member, base_revision=0, values=values_with(plan, problem="Texto de la pestaña B")
        )
    assert caught.value.fields == ["problem"]
    plan.refresh_from_db()
    assert plan.problem == "Texto de la pestaña A"
    assert plan.revision == 1


def test_an_old_revision_with_identical_content_is_not_a_conflict(plan, member):
    values = values_with(plan, market="Ferias del barrio")
    business_plan_save(plan_id=plan.pk, by=member, base_revision=0, values=values)
    assert business_plan_save(plan_id=plan.pk, by=member, base_revision=0, values=values).revision == 1


def test_submitting_freezes_numbered_versions_that_later_saves_do_not_change(plan, member):
    values = values_with(
        plan,
        summary="v1",
        price_per_unit="8.00",
        variable_cost_per_unit="4.50",
        expected_monthly_units=120,
        fixed_costs=[{"description": "Arriendo", "amount": "150.00"}],
    )
    business_plan_save(plan_id=plan.pk, by=member, base_revision=0, values=values)
    first = plan_version_submit(plan_id=plan.pk, by=member)
    business_plan_save(plan_id=plan.pk, by=member, base_revision=1, values={**values, "summary": "v2"})
    second = plan_version_submit(plan_id=plan.pk, by=member)
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert first.snapshot["fields"]["summary"] == "v1"
    assert first.snapshot["finance"]["break_even"]["value"] == "43"
    assert first.submitted_by == member
    changes = versions_compare(old=first, new=second)
    assert [(c.label, c.old, c.new) for c in changes] == [("Resumen", "v1", "v2")]


def test_submitting_twice_without_changes_is_refused(plan, member):
    plan_version_submit(plan_id=plan.pk, by=member)
    with pytest.raises(NothingToSubmit):
        plan_version_submit(plan_id=plan.pk, by=member)


def test_ensure_returns_the_same_plan(venture, plan):
    assert business_plan_ensure(venture=venture).pk == plan.pk
