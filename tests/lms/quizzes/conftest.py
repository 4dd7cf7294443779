"""Helpers for the quiz tests: a course with one question of each kind and a quiz over them."""

from decimal import Decimal

import pytest

from lms.courses.models import Enrolment
from lms.quizzes.models import Quiz
from lms.quizzes.services import question_create, quiz_create
from tests.factories import UserFactory, build_course, lessons_of


def make_questions(course):
    """Five questions, one per kind, with feedback and explanations the attempt page must not show."""
    return {
        "unica": question_create(
            course=course,
            kind="unica",
            prompt="¿Qué es un presupuesto?",
            choices=[
                ("Un plan de ingresos y gastos", True, "FEEDBACK-BIEN-PLAN"),
                ("Un préstamo", False, "FEEDBACK-MAL-PRESTAMO"),
            ],
            explanation="EXPLICACION-PRESUPUESTO",
        ),
        "multiple": question_create(
            course=course,
            kind="multiple",
            prompt="¿Cuáles son gastos fijos?",
            choices=[("Arriendo", True, ""), ("Luz", True, ""), ("Un helado", False, "FEEDBACK-HELADO")],
        ),
        "vf": question_create(
            course=course,
            kind="vf",
            prompt="Ahorrar es guardar una parte del ingreso.",
            choices=[("Verdadero", True, ""), ("Falso", False, "")],
        ),
        "corta": question_create(
            course=course,
            kind="corta",
            prompt="¿Cómo se llama el dinero que guardas?",
            accepted_answers="ahorro\nlos ahorros",
        ),
        "numerica": question_create(
            course=course,
            kind="numerica",
            prompt="Ganas 400 y gastas 350. ¿Cuánto ahorras?",
            numeric_answer=Decimal("50.0000"),
            tolerance=Decimal("0.5000"),
        ),
    }


def correct_answers(questions) -> dict:
    def right(q):
        return [c.id for c in q.choices.all() if c.is_correct]

    return {
        questions["unica"].id: right(questions["unica"]),
        questions["multiple"].id: right(questions["multiple"]),
        questions["vf"].id: right(questions["vf"]),
        questions["corta"].id: "Ahorro",
        questions["numerica"].id: "50,2",
    }


def put_quiz_in_lesson(lesson, quiz):
    lesson.body = [("text", "<p>Lee y responde.</p>"), ("quiz", {"quiz": quiz, "intro": "Practica"})]
    lesson.save()
    return lesson


def enrol(user, course):
    return Enrolment.objects.create(user=user, course=course, status=Enrolment.Status.ACTIVE)


@pytest.fixture
def setup(db):
    """A learner enrolled in a one-lesson course whose lesson holds a 5-question quiz (3 attempts)."""
    course = build_course(modules=1, lessons_per_module=1)
    questions = make_questions(course)
    quiz = quiz_create(
        course=course,
        title="Cuestionario del presupuesto",
        questions=list(questions.values()),
        kind=Quiz.Kind.LESSON,
        pass_mark=60,
        max_attempts=3,
    )
    lesson = put_quiz_in_lesson(lessons_of(course)[0], quiz)
    learner = UserFactory(role="aprendiz")
    enrol(learner, course)
    return type(
        "Setup", (), {"course": course, "questions": questions, "quiz": quiz, "lesson": lesson, "learner": learner}
    )
