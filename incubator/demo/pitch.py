"""Writes of the pitch-day demo: a finished cohort whose pitch is closed (results, awards, one ledger under way)
and the coming pitch of the current cohort with a sample pitch for jurors to practise on.

Everything goes through the jury and seed-capital services, keyed by natural keys (cohort, event and
usernames), and each step runs only while its target is missing, so a second run changes nothing."""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.utils import timezone

from cms.accounts.models import User
from incubator.cohorts.models import Cohort, Participation
from incubator.demo import pitch_content as content
from incubator.jury.models import Assignment, PitchEvent
from incubator.jury.services.assignments import assignment_declare, assignments_fill
from incubator.jury.services.entries import calibration_entry_add, entry_add
from incubator.jury.services.results import event_close
from incubator.jury.services.rubric import rubric_default_ensure
from incubator.jury.services.sheets import score_sheet_save, score_sheet_submit
from incubator.milestones.models import Milestone, Review
from incubator.milestones.services import milestone_review, milestone_submit, milestones_create_for
from incubator.plans.fields import plan_values
from incubator.plans.services import business_plan_ensure, business_plan_save, plan_version_submit
from incubator.seedcapital.services import (
    DeliveryItem,
    PurchaseItem,
    delivery_code,
    delivery_confirm,
    delivery_schedule,
    goods_item_add,
    purchase_record,
)
from incubator.ventures.models import Venture
from incubator.ventures.services import venture_create, venture_mentors_set
from lms.demo.content.people import DemoUser
from lms.demo.services import demo_user_ensure


def demo_pitch_ensure(*, staff, current_cohort: Cohort, created: Counter[str]) -> None:
    """Both pitch events, with the demo jurors ("jurado" and two more) in their pools."""
    jurors = [User.objects.get(username="jurado")]
    jurors += [demo_user_ensure(spec=spec, created=created) for spec in content.JURORS]
    _past_pitch_ensure(staff=staff, jurors=jurors, created=created)
    _next_pitch_ensure(staff=staff, cohort=current_cohort, jurors=jurors, created=created)


def _event(*, cohort: Cohort, name: str, at, place: str, jurors: list[User]) -> PitchEvent:
    event = PitchEvent.objects.create(
        cohort=cohort,
        name=name,
        starts_at=timezone.make_aware(at),
        place=place,
        rubric=rubric_default_ensure(),
        total_budget=Decimal(content.BUDGET),
        fixed_amount=Decimal(content.FIXED_AMOUNT),
    )
    event.jurors.add(*jurors)
    return event


def _next_pitch_ensure(*, staff, cohort: Cohort, jurors: list[User], created: Counter[str]) -> None:
    if PitchEvent.objects.filter(name=content.NEXT_EVENT_NAME).exists():
        return
    event = _event(
        cohort=cohort,
        name=content.NEXT_EVENT_NAME,
        at=content.NEXT_EVENT_AT,
        place=content.NEXT_EVENT_PLACE,
        jurors=jurors,
    )
    calibration_entry_add(
        event=event, title=content.SAMPLE_PITCH_TITLE, text=content.SAMPLE_PITCH_TEXT, by=staff.coordinator
    )
    created["eventos de pitch"] += 1


def _past_pitch_ensure(*, staff, jurors: list[User], created: Counter[str]) -> None:
    if PitchEvent.objects.filter(name=content.PAST_EVENT_NAME).exists():
        return
    cohort = Cohort.objects.create(
        name=content.PAST_COHORT_NAME, city=content.PAST_COHORT_CITY, start_date=content.PAST_COHORT_START, capacity=20
    )
    cohort.coordinators.add(staff.coordinator)
    created["cohortes"] += 1
    event = _event(
        cohort=cohort,
        name=content.PAST_EVENT_NAME,
        at=content.PAST_EVENT_AT,
        place=content.PAST_EVENT_PLACE,
        jurors=jurors,
    )
    ventures = [
        _finished_venture(cohort=cohort, spec=spec, staff=staff, created=created) for spec in content.PAST_VENTURES
    ]
    entries = [entry_add(event=event, venture=venture, by=staff.coordinator) for venture in ventures]
    assignments_fill(event=event, by=staff.coordinator)
    criteria = list(event.rubric.criteria.order_by("sort_order"))
    for spec, entry in zip(content.PAST_VENTURES, entries, strict=True):
        for juror, levels, comment in zip(jurors, spec.levels, spec.comments, strict=True):
            _sheet_play(entry_id=entry.pk, juror=juror, criteria=criteria, levels=levels, comment=comment)
    event_close(event=event, by=staff.coordinator)
    created["eventos de pitch"] += 1
    _ledger_play(event=event, staff=staff)


def _finished_venture(*, cohort: Cohort, spec, staff, created: Counter[str]) -> Venture:
    """A venture that went through the four months: plan submitted, every milestone approved."""
    person = demo_user_ensure(
        spec=DemoUser(
            spec.username,
            spec.first_name,
            spec.last_name,
            "aprendiz",
            profile={
                "nationality": spec.nationality,
                "mobility": spec.community,
                "province": "Azuay",
                "city": "Cuenca",
            },
        ),
        created=created,
    )
    Participation.objects.create(cohort=cohort, user=person, status=Participation.Status.ACCEPTED)
    venture = venture_create(
        cohort=cohort,
        by=person,
        name=spec.name,
        sector=spec.sector,
        description=spec.description,
        city=content.PAST_COHORT_CITY,
    )
    venture_mentors_set(venture=venture, mentors=[staff.mentor], by=staff.coordinator)
    plan = business_plan_ensure(venture=venture)
    plan = business_plan_save(
        plan_id=plan.pk, by=person, values={**plan_values(plan), **spec.plan}, base_revision=plan.revision
    )
    plan_version_submit(plan_id=plan.pk, by=person)
    for milestone in milestones_create_for(venture=venture):
        if milestone.status != Milestone.Status.APPROVED:
            milestone_submit(milestone=milestone, by=person)
            milestone_review(
                milestone=milestone, by=staff.mentor, decision=Review.Decision.APPROVED, comment="Cumplido."
            )
    created["emprendimientos"] += 1
    return venture


def _sheet_play(*, entry_id: int, juror: User, criteria: list, levels: tuple[int, ...], comment: str) -> None:
    assignment = Assignment.objects.get(entry_id=entry_id, juror=juror)
    assignment_declare(assignment=assignment, conflict=False, by=juror)
    score_sheet_save(
        assignment=assignment,
        by=juror,
        levels=dict(zip([c.pk for c in criteria], levels, strict=True)),
        comment=comment,
        private_note="",
        base_revision=0,
    )
    score_sheet_submit(assignment=assignment, by=juror)


def _ledger_play(*, event: PitchEvent, staff) -> None:
    """The first award: a goods plan, what was bought, and a first delivery confirmed with the team's code."""
    award = event.entries.get(result__rank=1).awards.get()
    first = goods_item_add(
        award=award,
        by=staff.coordinator,
        description="Plancha industrial para arepas",
        quantity=1,
        supplier="Comercial El Arenal",
        unit_cost=Decimal("420.00"),
    )
    goods_item_add(
        award=award,
        by=staff.coordinator,
        description="Refrigeradora pequeña",
        quantity=1,
        supplier="Almacenes Juan Eljuri",
        unit_cost=Decimal("280.00"),
    )
    purchase_record(
        award=award,
        by=staff.coordinator,
        purchased_on=date(2026, 7, 20),
        supplier=first.supplier,
        items=[PurchaseItem(item=first, quantity=1, cost=first.unit_cost)],
    )
    delivery = delivery_schedule(
        award=award,
        by=staff.coordinator,
        planned_on=date(2026, 7, 24),
        place="Bodega de la fundación",
        items=[DeliveryItem(item=first, quantity=1)],
    )
    delivery_confirm(
        delivery=delivery, by=staff.coordinator, code=delivery_code(delivery=delivery), witness_name="Gabriela Paredes"
    )
