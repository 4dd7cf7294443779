from decimal import Decimal

import pytest

from lms.courses.models import LessonCompletion
from lms.grades.models import Grade
from lms.quizzes.models import AttemptAnswer, QuizAttempt
from lms.quizzes.services import (
    AttemptClosed,
    InvalidAnswers,
    LessonMismatch,
    NoAttemptsLeft,
    NotEnrolled,
    quiz_attempt_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from tests.factories import UserFactory, lessons_of

from .conftest import correct_answers


def test_all_correct_answers_score_100_record_the_grade_and_complete_the_lesson(setup):
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz, lesson=setup.lesson)
    done = quiz_attempt_submit(attempt=attempt, answers=correct_answers(setup.questions))
    assert done.score == Decimal("100.00") and done.passed
    assert done.status == QuizAttempt.Status.SUBMITTED
    assert Grade.objects.get(user=setup.learner, item__source_id=setup.quiz.id).score == Decimal("100.00")
    completion = LessonCompletion.objects.get(user=setup.learner, lesson=setup.lesson)
    assert completion.source == LessonCompletion.Source.QUIZ


def test_a_failed_attempt_records_the_grade_but_does_not_complete_the_lesson(setup):
    answers = correct_answers(setup.questions)
    answers[setup.questions["corta"].id] = "préstamo"
    answers[setup.questions["numerica"].id] = "49"
    answers[setup.questions["vf"].id] = []
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz, lesson=setup.lesson)
    done = quiz_attempt_submit(attempt=attempt, answers=answers)
    assert done.score == Decimal("40.00") and not done.passed
    assert Grade.objects.get(user=setup.learner).score == Decimal("40.00")
    assert not LessonCompletion.objects.filter(user=setup.learner).exists()


def test_the_grade_keeps_the_best_attempt(setup):
    answers = correct_answers(setup.questions)
    first = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=first, answers=answers)
    second = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=second, answers={})
    assert second.number == 2
    assert Grade.objects.get(user=setup.learner).score == Decimal("100.00")


def test_unanswered_questions_count_as_wrong_and_score_has_two_decimals(setup):
    q = setup.questions
    answers = {q["unica"].id: correct_answers(q)[q["unica"].id]}
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    done = quiz_attempt_submit(attempt=attempt, answers=answers)
    assert done.score == Decimal("20.00")
    assert AttemptAnswer.objects.filter(attempt=done).count() == 5
    assert AttemptAnswer.objects.filter(attempt=done, is_correct=True).count() == 1


def test_score_is_rounded_to_two_decimals(setup):
    # 1 of 3 right: 33.33
    from lms.quizzes.services import quiz_create

    q = setup.questions
    quiz = quiz_create(course=setup.course, title="Tres", questions=[q["unica"], q["vf"], q["corta"]])
    attempt = quiz_attempt_start(user=setup.learner, quiz=quiz)
    done = quiz_attempt_submit(attempt=attempt, answers={q["corta"].id: "  LOS   ahorros!! "})
    assert done.score == Decimal("33.33")


def test_multiple_choice_is_all_or_nothing(setup):
    q = setup.questions["multiple"]
    right = [c.id for c in q.choices.all() if c.is_correct]
    wrong = [c.id for c in q.choices.all() if not c.is_correct]
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=attempt, answers={q.id: right[:1]})
    assert not AttemptAnswer.objects.get(attempt=attempt, question=q).is_correct
    second = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=second, answers={q.id: right + wrong})
    assert not AttemptAnswer.objects.get(attempt=second, question=q).is_correct
    third = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=third, answers={q.id: right})
    assert AttemptAnswer.objects.get(attempt=third, question=q).is_correct


@pytest.mark.parametrize(
    "typed,ok", [("50", True), ("50,5", True), ("49.5", True), ("50.51", False), ("$ 50", True), ("", False)]
)
def test_numeric_answers_accept_comma_or_point_within_the_tolerance(setup, typed, ok):
    q = setup.questions["numerica"]
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=attempt, answers={q.id: typed})
    assert AttemptAnswer.objects.get(attempt=attempt, question=q).is_correct is ok


def test_a_choice_id_of_another_question_is_ignored(setup):
    q = setup.questions
    other_right = [c.id for c in q["vf"].choices.all() if c.is_correct]
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=attempt, answers={q["unica"].id: other_right})
    answer = AttemptAnswer.objects.get(attempt=attempt, question=q["unica"])
    assert answer.response == [] and not answer.is_correct


def test_an_unreadable_number_is_rejected_and_the_draft_keeps_everything(setup):
    answers = correct_answers(setup.questions)
    answers[setup.questions["numerica"].id] = "cincuenta"
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    with pytest.raises(InvalidAnswers) as error:
        quiz_attempt_submit(attempt=attempt, answers=answers)
    assert setup.questions["numerica"].id in error.value.errors
    attempt.refresh_from_db()
    assert attempt.status == QuizAttempt.Status.IN_PROGRESS
    assert attempt.draft[str(setup.questions["numerica"].id)] == "cincuenta"
    assert attempt.draft[str(setup.questions["corta"].id)] == "Ahorro"


def test_it_rejects_a_second_submission(setup):
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_submit(attempt=attempt, answers={})
    with pytest.raises(AttemptClosed):
        quiz_attempt_submit(attempt=attempt, answers=correct_answers(setup.questions))
    with pytest.raises(AttemptClosed):
        quiz_attempt_save(attempt=attempt, answers={})
    assert QuizAttempt.objects.get(pk=attempt.pk).score == Decimal("0.00")


def test_start_returns_the_open_attempt_instead_of_a_new_one(setup):
    first = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    again = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    assert first.pk == again.pk
    assert QuizAttempt.objects.count() == 1


def test_the_attempts_limit_is_enforced(setup):
    for _ in range(3):
        quiz_attempt_submit(attempt=quiz_attempt_start(user=setup.learner, quiz=setup.quiz), answers={})
    with pytest.raises(NoAttemptsLeft):
        quiz_attempt_start(user=setup.learner, quiz=setup.quiz)


def test_a_learner_who_is_not_enrolled_cannot_start(setup):
    stranger = UserFactory(role="aprendiz")
    with pytest.raises(NotEnrolled):
        quiz_attempt_start(user=stranger, quiz=setup.quiz)
    assert not QuizAttempt.objects.filter(user=stranger).exists()


def test_starting_from_a_lesson_that_does_not_hold_the_quiz_is_refused(setup, db):
    from tests.factories import build_course

    other_lesson = lessons_of(build_course(title="Otro", modules=1, lessons_per_module=1))[0]
    with pytest.raises(LessonMismatch):
        quiz_attempt_start(user=setup.learner, quiz=setup.quiz, lesson=other_lesson)


def test_saving_a_draft_keeps_answers_as_typed(setup):
    attempt = quiz_attempt_start(user=setup.learner, quiz=setup.quiz)
    quiz_attempt_save(attempt=attempt, answers={setup.questions["numerica"].id: "12,5x"})
    attempt.refresh_from_db()
    assert attempt.draft == {str(setup.questions["numerica"].id): "12,5x"}


def test_submitting_a_pre_test_from_a_lesson_completes_it_even_when_failed(setup):
    from lms.quizzes.services import quiz_create
    from tests.lms.quizzes.conftest import put_quiz_in_lesson

    pre = quiz_create(course=setup.course, title="Entrada", questions=[setup.questions["vf"]], kind="pre")
    put_quiz_in_lesson(setup.lesson, pre)
    attempt = quiz_attempt_start(user=setup.learner, quiz=pre, lesson=setup.lesson)
    done = quiz_attempt_submit(attempt=attempt, answers={})
    assert not done.passed
    assert LessonCompletion.objects.filter(user=setup.learner, lesson=setup.lesson).exists()
