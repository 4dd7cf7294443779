"""A learner enrolled in a course whose first module holds a plain lesson and a lesson with a quiz."""

import pytest

from cms.accounts.services import roles_ensure
from lms.quizzes.services import quiz_create
from tests.factories import UserFactory, build_course, lessons_of
from tests.lms.quizzes.conftest import enrol, make_questions, put_quiz_in_lesson


@pytest.fixture(autouse=True)
def _roles(db):
    roles_ensure()


@pytest.fixture
def pack(db):
    course = build_course(modules=2, lessons_per_module=2)
    lessons = lessons_of(course)
    questions = make_questions(course)
    quiz = quiz_create(
        course=course, title="Cuestionario del presupuesto", questions=list(questions.values()), max_attempts=2
    )
    put_quiz_in_lesson(lessons[1], quiz)
    learner = UserFactory(role="aprendiz")
    enrol(learner, course)
    module = lessons[0].get_parent().specific
    return type(
        "Pack",
        (),
        {
            "course": course,
            "module": module,
            "plain": lessons[0],
            "quiz_lesson": lessons[1],
            "quiz": quiz,
            "questions": questions,
            "learner": learner,
        },
    )
