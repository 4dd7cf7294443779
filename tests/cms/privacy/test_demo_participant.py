"""The Spanish demo of `make run`, loaded once: the demo learner's export holds her texts from every app, and
after `person_erase` a full dump of the database holds none of her identifiers while the donor totals
(`indicators_export`) stay the same.

One test does it all because loading the demo takes minutes on a busy machine; it runs inside the test's
transaction, so no other test sees the demo (the rollback removes it, on SQLite and on PostgreSQL)."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.accounts.models import Participant, User
from cms.people.services import participant_update
from cms.privacy import selectors, services
from incubator.mentoring.services import message_post, session_schedule
from lms.courses.models import Enrolment, LessonPage
from lms.courses.services import lesson_complete
from lms.h5p.models import H5PActivity
from lms.h5p.services import h5p_statement_record
from lms.quizzes.models import Question, Quiz
from lms.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from lms.surveys.services import satisfaction_response_submit
from tests.cms.privacy.test_export_erase import _dump_text

USERNAME = "mariajose.rondon.demo"
EMAIL = "mariajose.rondon.demo@correo.ec"
PHONE = "0987111222"
DOCUMENT = "V-27111222"
FULL_NAME = "María José Rondón"

TEXTS = {
    "room": "Ya tengo precio para el combo de tres macetas",
    "survey": "Las clases de presupuesto me ordenaron las cuentas",
    "quiz": "Voy a la Superintendencia con mi reclamo escrito",
}


def _quiet(command: str, *args) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _her_texts_in_every_app(user: User, coordinator: User, mentor: User) -> None:
    """What the demo does not give her, she adds through the same services the pages call."""
    now = timezone.now()
    room = session_schedule(
        by=mentor,
        topic="Precios",
        starts_at=now,
        ends_at=now + timedelta(hours=1),
        mentors=[mentor],
        participants=[user],
    )
    message_post(session_id=room.pk, author=user, text=TEXTS["room"])

    course = Enrolment.objects.filter(user=user).select_related("course").first().course

    quiz = Quiz.objects.get(course=course, kind=Quiz.Kind.POST)
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    answers: dict = {}
    for link in quiz.quiz_questions.select_related("question"):
        question = link.question
        if question.kind == Question.Kind.SHORT:
            answers[question.pk] = TEXTS["quiz"]
        elif question.kind == Question.Kind.NUMERIC:
            answers[question.pk] = "10"
        else:
            answers[question.pk] = [question.choices.first().pk]
    quiz_attempt_submit(attempt=attempt, answers=answers)

    activity = H5PActivity.objects.create(
        title="Arma tu presupuesto del mes",
        main_library="H5P.Question",
        sha256="b" * 64,
        size_bytes=1,
        uncompressed_bytes=1,
    )
    lesson = course.get_descendants().type(LessonPage).first().specific
    statement = {
        "actor": {"name": FULL_NAME, "mbox": f"mailto:{EMAIL}"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": f"h5p:{activity.pk}"},
        "result": {"completion": True, "score": {"raw": 3, "max": 4, "scaled": 0.75}},
    }
    h5p_statement_record(user=user, activity=activity, lesson=lesson, statement=statement)

    for lesson in LessonPage.objects.live().descendant_of(course):  # "Marcar como completada", lesson by lesson
        lesson_complete(user=user, lesson=lesson)
    satisfaction_response_submit(user=user, course=course, rating=5, comment=TEXTS["survey"])

    # Her identifiers, set as she and a coordinator would: the phone she corrects herself, the document the
    # coordinator copies from her cédula at the center.
    services.person_rectify(user=user, data={"given_names": "María José", "surnames": "Rondón", "phone": PHONE})
    participant = Participant.objects.get(user=user)
    participant_update(by=coordinator, participant=participant, data={"document_number": DOCUMENT})
    User.objects.filter(pk=user.pk).update(username=USERNAME, email=EMAIL)


def _totals() -> list[str]:
    """indicators_export's rows, without its comment lines (they carry the time it was made)."""
    return [line for line in _quiet("indicators_export").splitlines() if not line.startswith("#")]


def _models_in(document: dict) -> dict[str, list[dict]]:
    return {item["model"]: item.get("rows", []) for section in document["sections"] for item in section["items"]}


@pytest.mark.django_db
def test_the_demo_learners_export_holds_her_texts_from_every_app_and_erasure_leaves_no_trace():
    for command in ("demo_load", "demo_load_incubator", "indicators_demo"):
        _quiet(command)
    user = User.objects.get(username="aprendiz")
    _her_texts_in_every_app(user, User.objects.get(username="coordinadora"), User.objects.get(username="mentora"))
    user.refresh_from_db()

    document = selectors.person_export(who=user)
    text = json.dumps(document, ensure_ascii=False)
    models = _models_in(document)
    for label in (
        "accounts.User",
        "accounts.Participant",
        "people.ConsentEvent",
        "referrals.Referral",
        "courses.Enrolment",
        "quizzes.QuizAttempt",
        "quizzes.AttemptAnswer",
        "h5p.H5PResult",
        "h5p.XAPIStatement",
        "surveys.SatisfactionResponse",
        "mentoring.RoomMessage",
        "cohorts.Participation",
        "ventures.Venture",
        "plans.BusinessPlan",
        "milestones.Milestone",
        "milestones.Prototype",
        "kpis.MonthlyFigure",
        "privacy.PrivacyRequest",
    ):
        assert models.get(label), f"{label} missing from her export"
    for expected in (*TEXTS.values(), USERNAME, EMAIL, PHONE, DOCUMENT, "Arma tu presupuesto del mes"):
        assert expected in text, expected
    assert "Somos María José" in text  # her venture's plan, as the demo wrote it
    assert "Cuidado para su hija" in text  # a referral the demo made for her

    totals_before = _totals()
    assert len(totals_before) > 10
    dump = _dump_text()
    identifiers = {"username": USERNAME, "email": EMAIL, "phone": PHONE, "document": DOCUMENT, "name": FULL_NAME}
    assert all(value.lower() in dump for value in identifiers.values())

    _quiet("person_erase", USERNAME, "--yes")

    dump = _dump_text()
    assert [name for name, value in identifiers.items() if value.lower() in dump] == []
    assert not any(value.lower() in dump for value in TEXTS.values())
    assert _totals() == totals_before
