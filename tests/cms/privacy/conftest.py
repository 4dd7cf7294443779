"""A demo learner with something of hers in every app, for the export and erasure tests."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from axes.models import AccessLog
from django.utils import timezone
from wagtail.log_actions import log

from cms.accounts.models import Center, Participant, Programme, User
from cms.people import selectors as people_selectors
from cms.people import services as people_services
from incubator.kpis.models import MonthlyFigure
from incubator.mentoring.models import MentoringSession, RoomMessage
from incubator.milestones.models import MentorLogEntry, Milestone, Prototype, Review
from incubator.plans.models import BusinessPlan
from lms.certificates.models import Certificate
from lms.courses.models import Enrolment, LessonPage
from lms.h5p.models import H5PActivity, H5PResult, XAPIStatement
from lms.surveys.models import SatisfactionResponse
from tests.factories import UserFactory, build_course, venture_with_team

USERNAME = "mariajose.rondon"
IDENTIFIERS = {
    "username": USERNAME,
    "given_names": "María José",
    "surnames": "Rondón Villalobos",
    "email": "mariajose.rondon@correo.ec",
    "phone": "0987654321",
    "document": "V-23456789",
}


@dataclass
class Demo:
    user: User
    participant: Participant
    coordinator: User
    mentor: User
    programme: Programme
    texts: dict


@pytest.fixture
def demo(db) -> Demo:
    """Built with factories (the demo commands take minutes on a busy machine): one text of hers per app."""
    venture, user, mentor, _cohort_coordinator = venture_with_team(name="Arepas del Sur")
    ids = IDENTIFIERS
    user.username, user.first_name, user.last_name = ids["username"], ids["given_names"], ids["surnames"]
    user.email, user.phone = ids["email"], ids["phone"]
    user.save()
    programme = Programme.objects.create(name="Emprende Pichincha", slug="emprende-pichincha")
    center = Center.objects.create(programme=programme, name="Centro Norte", province="Pichincha", city="Quito")
    coordinator = UserFactory(role="coordinacion", first_name="Carmen", last_name="Coordinadora")
    programme.coordinators.add(coordinator)
    participant, _ = Participant.objects.get_or_create(user=user)
    Participant.objects.filter(pk=participant.pk).update(
        given_names=ids["given_names"],
        surnames=ids["surnames"],
        document_type="cedula_venezolana",
        document_number=ids["document"],
        phone=ids["phone"],
        center=center,
        birth_date="1995-03-04",
        mobility="migrante",
        sex="mujer",
        nationality="venezolana",
        city="Quito",
    )
    participant.refresh_from_db()
    course = build_course()
    now = timezone.now()
    Enrolment.objects.get_or_create(user=user, course=course)
    texts = {
        "message": "Hoy vendí veinte arepas en la feria",
        "survey": "El curso de costos me sirvió muchísimo",
        "plan": "Arepas congeladas para oficinas del norte",
        "prototype": "Caja de seis arepas con salsa",
        "review": "Buen avance, falta el costo del gas",
        "mentor_log": "Revisamos el precio por unidad",
    }
    BusinessPlan.objects.create(
        venture=venture, summary=texts["plan"], team=f"{ids['given_names']} {ids['surnames']} y su hermana"
    )
    Prototype.objects.create(venture=venture, number=1, description=texts["prototype"], created_by=user)
    milestone = Milestone.objects.create(venture=venture, position=1, code="M1", title="Costos", due_date=now.date())
    Review.objects.create(milestone=milestone, author=mentor, decision=Review.Decision.CHANGES, comment=texts["review"])
    MentorLogEntry.objects.create(
        venture=venture, author=mentor, seen=texts["mentor_log"], next_step="Llamar al proveedor", due_on=now.date()
    )
    MonthlyFigure.objects.create(venture=venture, month=now.date().replace(day=1), sales=20, customers=9)
    session = MentoringSession.objects.create(
        topic="Precios", starts_at=now, ends_at=now + timedelta(hours=1), created_by=mentor
    )
    session.participants.add(user)
    RoomMessage.objects.create(session=session, seq=1, author=user, text=texts["message"])
    RoomMessage.objects.create(session=session, seq=2, author=mentor, text=f"Muy bien, {ids['given_names']}")
    SatisfactionResponse.objects.create(user=user, course=course, rating=5, comment=texts["survey"])
    activity = H5PActivity.objects.create(
        title="Cuenta tus costos", main_library="H5P.Question", sha256="a" * 64, size_bytes=1, uncompressed_bytes=1
    )
    lesson = course.get_descendants().type(LessonPage).first().specific
    H5PResult.objects.create(user=user, activity=activity, lesson=lesson, completed=True, raw_score=3, max_score=4)
    XAPIStatement.objects.create(
        user=user,
        activity=activity,
        lesson=lesson,
        verb="answered",
        statement={"actor": {"name": f"{ids['given_names']} {ids['surnames']}", "mbox": f"mailto:{ids['email']}"}},
    )
    Certificate.objects.create(
        user=user,
        course=course,
        code="ABCD1234",
        learner_name=f"{ids['given_names']} {ids['surnames']}",
        course_title=course.title,
        hours=10,
    )
    people_selectors.participant_sensitive_read(
        reader=coordinator, participant=participant, field="mobility", reason="Derivación a asesoría legal"
    )
    people_services.case_note_add(by=coordinator, participant=participant, body="Vive con su tía en La Roldós")
    AccessLog.objects.create(
        username=USERNAME, ip_address="10.0.0.7", user_agent="Firefox", path_info="/cuenta/entrar/"
    )
    log(instance=participant, action="wagtail.edit", user=coordinator)
    return Demo(
        user=user, participant=participant, coordinator=coordinator, mentor=mentor, programme=programme, texts=texts
    )
