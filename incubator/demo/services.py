"""Writes of the incubator demo: a cohort with six ventures at different stages, loaded through the
incubator's own services so every step is logged as if people had done it.

Rule (as in lms.demo): everything is keyed by a natural key (cohort name, username, venture name,
milestone code) and each step runs only while its target is untouched, so a second run changes nothing
and what people change in the demo afterwards survives a new `make run`.
"""

from collections import Counter
from decimal import Decimal
from io import BytesIO

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from cms.accounts.models import User
from cms.people.demo import desk_demo_ensure
from incubator.cohorts.models import Cohort, Participation, ParticipationEvent
from incubator.cohorts.services import (
    participation_apply,
    participation_decide,
    participation_drop,
    seat_offer_respond,
)
from incubator.demo import content
from incubator.demo.content import MilestoneStep, VentureSpec
from incubator.demo.pitch import demo_pitch_ensure
from incubator.kpis.models import MonthlyFigure
from incubator.kpis.services import monthly_figure_save
from incubator.milestones.models import Milestone
from incubator.milestones.services import (
    evidence_add,
    mentor_log_add,
    mentor_log_task_create,
    milestone_review,
    milestone_submit,
    milestones_create_for,
    prototype_create,
    prototype_feedback_add,
    prototype_photo_add,
    task_set_done,
)
from incubator.plans.fields import plan_values
from incubator.plans.services import business_plan_ensure, business_plan_save, plan_version_submit
from incubator.ventures.models import Venture
from incubator.ventures.services import venture_create, venture_member_add, venture_mentors_set
from lms.demo.services import DemoRefused, demo_course_by_title, demo_course_passed_ensure, demo_user_ensure

S = Participation.Status


class DemoNotReady(Exception):
    """The lms demo (accounts and courses) must be loaded first."""


class Staff:
    """The lms demo accounts the incubator demo builds on."""

    def __init__(self) -> None:
        users = {u.username: u for u in User.objects.filter(username__in=["aprendiz", "mentora", "coordinadora"])}
        course = demo_course_by_title(content.REQUIRED_COURSE_TITLE)
        if len(users) < 3 or course is None:
            raise DemoNotReady("Primero carga la demostración de cursos: python manage.py demo_load")
        self.learner, self.mentor, self.coordinator = users["aprendiz"], users["mentora"], users["coordinadora"]
        self.course = course.specific


def demo_load_incubator() -> Counter[str]:
    """Load the incubator demo on top of `demo_load`. Refuses in production (DemoRefused) and without the
    lms demo (DemoNotReady). Runs in one transaction; returns what was created."""
    if settings.PRODUCTION:
        raise DemoRefused(
            "Este servidor está en modo producción (SEMILLA_ENV=production): no se carga la incubadora de demostración."
        )
    created: Counter[str] = Counter()
    with transaction.atomic():
        staff = Staff()
        cohort = demo_cohort_ensure(staff=staff, created=created)
        people = {spec.username: demo_user_ensure(spec=spec, created=created) for spec in content.LEARNERS}
        people["aprendiz"] = staff.learner
        for spec in content.VENTURES:
            for username in spec.members:
                _accepted_ensure(cohort=cohort, user=people[username], staff=staff, created=created)
        demo_intake_ensure(cohort=cohort, people=people, staff=staff, created=created)
        for spec in content.VENTURES:
            demo_venture_ensure(cohort=cohort, spec=spec, people=people, staff=staff, created=created)
        demo_pitch_ensure(staff=staff, current_cohort=cohort, created=created)
        desk_demo_ensure(created=created)  # the new learners' centers
    return created


def demo_cohort_ensure(*, staff: Staff, created: Counter[str]) -> Cohort:
    """The demo cohort with the coordinator and "Plan de negocio" as its required course."""
    cohort = Cohort.objects.filter(name=content.COHORT_NAME).first()
    if cohort is None:
        cohort = Cohort.objects.create(
            name=content.COHORT_NAME,
            city=content.COHORT_CITY,
            start_date=content.COHORT_START,
            capacity=content.COHORT_CAPACITY,
        )
        cohort.required_courses.add(staff.course)
        cohort.save()  # commits the ParentalManyToMany
        cohort.coordinators.add(staff.coordinator)
        created["cohortes"] += 1
    return cohort


def _applied_ensure(*, cohort: Cohort, user: User, staff: Staff, created: Counter[str]) -> Participation:
    participation = Participation.objects.filter(cohort=cohort, user=user).first()
    if participation is not None:
        return participation
    if user.pk == staff.learner.pk:
        # The lms demo's learner is still taking courses there; her seat is a direct decision of the
        # coordination, logged like any other step, instead of a faked course completion.
        participation = Participation.objects.create(cohort=cohort, user=user)
        ParticipationEvent.objects.create(
            participation=participation,
            kind=ParticipationEvent.Kind.APPLIED,
            actor=staff.coordinator,
            detail="Ingreso directo de la coordinación",
        )
    else:
        demo_course_passed_ensure(user=user, course=staff.course, created=created)
        motivation = content.MOTIVATION.get(user.username, "Quiero hacer crecer mi emprendimiento.")
        participation = participation_apply(cohort=cohort, user=user, motivation=motivation)
    created["postulaciones"] += 1
    return participation


def _accepted_ensure(*, cohort: Cohort, user: User, staff: Staff, created: Counter[str]) -> Participation:
    participation = _applied_ensure(cohort=cohort, user=user, staff=staff, created=created)
    if participation.status == S.APPLIED:
        participation = participation_decide(participation=participation, decision="aceptar", actor=staff.coordinator)
    return participation


def demo_intake_ensure(*, cohort: Cohort, people: dict[str, User], staff: Staff, created: Counter[str]) -> None:
    """A dropout for "documentos" whose seat goes to the first on the reserve list; one more stays there."""
    if Participation.objects.filter(cohort=cohort, user=people[content.DROPOUT]).exists():
        return
    dropout = _accepted_ensure(cohort=cohort, user=people[content.DROPOUT], staff=staff, created=created)
    for username in (content.REPLACEMENT, content.STILL_IN_RESERVE):
        applied = _applied_ensure(cohort=cohort, user=people[username], staff=staff, created=created)
        participation_decide(participation=applied, decision="reserva", actor=staff.coordinator)
    offered = participation_drop(
        participation=dropout,
        reason=Participation.DropoutReason.DOCUMENTS,
        note=content.DROPOUT_NOTE,
        actor=staff.coordinator,
    )
    if offered is not None:
        seat_offer_respond(participation=offered, accept=True, user=offered.user)


def demo_venture_ensure(
    *, cohort: Cohort, spec: VentureSpec, people: dict[str, User], staff: Staff, created: Counter[str]
) -> Venture:
    """The venture with its team and mentor, then its plan, prototypes, milestones, log and figures."""
    founder = people[spec.members[0]]
    venture = Venture.objects.filter(cohort=cohort, name=spec.name).first()
    if venture is None:
        venture = venture_create(
            cohort=cohort, by=founder, name=spec.name, sector=spec.sector, description=spec.description, city=spec.city
        )
        for username in spec.members[1:]:
            venture_member_add(venture=venture, by=founder, username=username)
        created["emprendimientos"] += 1
    if not venture.mentors.exists():
        venture_mentors_set(venture=venture, mentors=[staff.mentor], by=staff.coordinator)
    _plan_ensure(venture=venture, spec=spec, by=founder, created=created)
    _prototypes_ensure(venture=venture, spec=spec, by=founder, created=created)
    if spec.milestones or spec.mentor_log:
        milestones = {m.code: m for m in milestones_create_for(venture=venture)}
        for step in spec.milestones:
            _milestone_play(
                milestone=milestones[step.code], step=step, by=founder, mentor=staff.mentor, created=created
            )
        _mentor_log_ensure(venture=venture, spec=spec, milestones=milestones, mentor=staff.mentor, created=created)
    for figure in spec.figures:
        if not MonthlyFigure.objects.filter(venture=venture, month=figure.month).exists():
            monthly_figure_save(
                venture=venture,
                month=figure.month,
                sales=figure.sales,
                income=Decimal(figure.income),
                costs=Decimal(figure.costs),
                customers=figure.customers,
                jobs=figure.jobs,
            )
            created["cifras mensuales"] += 1
    return venture


def _plan_ensure(*, venture: Venture, spec: VentureSpec, by: User, created: Counter[str]) -> None:
    """The first draft, then the submitted versions (the second after the changes the team made)."""
    plan = business_plan_ensure(venture=venture)
    if plan.revision == 0:
        plan = business_plan_save(
            plan_id=plan.pk, by=by, values={**plan_values(plan), **spec.plan}, base_revision=plan.revision
        )
        created["planes"] += 1
    submitted = plan.versions.count()
    if submitted == 0 and spec.versions >= 1:
        plan_version_submit(plan_id=plan.pk, by=by)
        created["versiones del plan"] += 1
        submitted = 1
    if submitted == 1 and spec.versions >= 2:
        plan.refresh_from_db()
        plan = business_plan_save(
            plan_id=plan.pk,
            by=by,
            values={**plan_values(plan), **spec.second_version_changes},
            base_revision=plan.revision,
        )
        plan_version_submit(plan_id=plan.pk, by=by)
        created["versiones del plan"] += 1


def _prototypes_ensure(*, venture: Venture, spec: VentureSpec, by: User, created: Counter[str]) -> None:
    if not spec.prototypes or venture.prototypes.exists():
        return
    for number, prototype_spec in enumerate(spec.prototypes, start=1):
        prototype = prototype_create(venture=venture, by=by, description=prototype_spec.description)
        prototype_photo_add(prototype=prototype, by=by, upload=_photo(f"prototipo-{number}.jpg", prototype_spec.colour))
        for note in prototype_spec.feedback:
            prototype_feedback_add(prototype=prototype, by=by, note=note)
        created["prototipos"] += 1


def _milestone_play(
    *, milestone: Milestone, step: MilestoneStep, by: User, mentor: User, created: Counter[str]
) -> None:
    """Tick tasks, add a photo, submit and review, only on a milestone nobody has touched yet."""
    touched = (
        milestone.status != Milestone.Status.PENDING
        or milestone.tasks.filter(done=True).exists()
        or milestone.evidence.exists()
        or milestone.reviews.exists()
    )
    if touched:
        return
    for task in list(milestone.tasks.order_by("created_at", "pk"))[: step.done_tasks]:
        task_set_done(task=task, by=by, done=True)
    if step.evidence:
        evidence_add(
            milestone=milestone, by=by, upload=_photo(f"{milestone.code.lower()}-evidencia.jpg", (120, 160, 90))
        )
    if step.submit:
        milestone_submit(milestone=milestone, by=by)
        if step.review:
            milestone_review(milestone=milestone, by=mentor, decision=step.review, comment=step.comment)
    created["hitos trabajados"] += 1


def _mentor_log_ensure(
    *, venture: Venture, spec: VentureSpec, milestones: dict[str, Milestone], mentor: User, created: Counter[str]
) -> None:
    if not spec.mentor_log or venture.mentor_log.exists():
        return
    for log in spec.mentor_log:
        entry = mentor_log_add(venture=venture, by=mentor, seen=log.seen, next_step=log.next_step, due_on=log.due_on)
        if log.task_in:
            mentor_log_task_create(entry=entry, milestone=milestones[log.task_in], by=mentor)
        created["notas de mentoría"] += 1


def _photo(name: str, colour: tuple[int, int, int]) -> SimpleUploadedFile:
    """A small generated product photo: the product on a wooden table by a window."""
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", (640, 480), (236, 232, 224))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 330, 640, 480), fill=(170, 120, 80))
    draw.rectangle((440, 40, 600, 250), fill=(250, 250, 240), outline=(200, 200, 190), width=6)
    draw.ellipse((220, 360, 420, 395), fill=(140, 95, 60))
    draw.rounded_rectangle((240, 190, 400, 380), radius=30, fill=colour)
    draw.ellipse((270, 120, 370, 210), fill=(90, 150, 80))
    buffer = BytesIO()
    canvas.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
