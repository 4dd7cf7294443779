"""One programme seen from each role's start page: a course a learner completed (certificate, grades), a
cohort with a venture, a pending application, milestones (one sent for review and overdue), an upcoming
mentoring session and a pitch event with a juror who still has to score. Used by the start page tests
and the browser journeys."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from cms.accounts.roles import Role
from incubator.cohorts.models import Cohort, Participation
from incubator.jury.models import Assignment, Entry, PitchEvent
from incubator.mentoring.models import MentoringSession
from incubator.milestones.models import Milestone
from incubator.milestones.services import milestones_create_for
from incubator.plans.services import business_plan_ensure, plan_version_submit
from incubator.ventures.models import Venture
from lms.certificates.services import certificate_issue
from lms.courses.models import CoursePage, Enrolment
from tests.factories import UserFactory, build_course, venture_with_team

PASSWORD = "clave-segura-123"


@dataclass
class Scenario:
    course: CoursePage
    cohort: Cohort
    venture: Venture
    learner: object
    mentor: object
    coordinator: object
    juror: object
    applicant: object
    milestone: Milestone
    session: MentoringSession
    event: PitchEvent


def start_scenario() -> Scenario:
    from incubator.jury.services.rubric import rubric_default_ensure

    course = build_course(title="Educación financiera", modules=1, lessons_per_module=2)
    venture, learner, mentor, coordinator = venture_with_team(name="Empanadas Doña Rosa")
    for person, username in ((learner, "rosa"), (mentor, "mentor.luis"), (coordinator, "coordinadora.ana")):
        person.username = username
        person.save(update_fields=["username"])
    course.mentors.add(mentor)
    course.save()
    Enrolment.objects.create(user=learner, course=course, status=Enrolment.Status.ACTIVE, completed_at=timezone.now())
    certificate_issue(user=learner, course=course)

    cohort = venture.cohort
    applicant = UserFactory(role=Role.LEARNER, username="postulante.jose")
    Participation.objects.create(cohort=cohort, user=applicant, status=Participation.Status.APPLIED)

    milestones_create_for(venture=venture)
    milestone = venture.milestones.order_by("position").first()
    milestone.status = Milestone.Status.SUBMITTED
    milestone.due_date = timezone.localdate() - timedelta(days=3)
    milestone.save(update_fields=["status", "due_date"])

    starts = timezone.now() + timedelta(days=1)
    session = MentoringSession.objects.create(
        topic="Cómo poner precios", starts_at=starts, ends_at=starts + timedelta(hours=1), created_by=mentor
    )
    session.mentors.add(mentor)
    session.ventures.add(venture)

    juror = UserFactory(role=Role.JURY, username="jurado.marta")
    event = PitchEvent.objects.create(
        cohort=cohort,
        name="Pitch Quito",
        starts_at=starts,
        place="Centro",
        rubric=rubric_default_ensure(),
        total_budget=Decimal("700"),
        fixed_amount=Decimal("700"),
    )
    plan = business_plan_ensure(venture=venture)
    entry = Entry.objects.create(
        event=event, venture=venture, plan_version=plan_version_submit(plan_id=plan.pk, by=learner)
    )
    event.jurors.add(juror)
    Assignment.objects.create(entry=entry, juror=juror)
    return Scenario(
        course=course,
        cohort=cohort,
        venture=venture,
        learner=learner,
        mentor=mentor,
        coordinator=coordinator,
        juror=juror,
        applicant=applicant,
        milestone=milestone,
        session=session,
        event=event,
    )
