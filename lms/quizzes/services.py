"""Writes of the quizzes app: building questions and quizzes, starting, saving and grading attempts."""

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.courses.models import Enrolment, LessonCompletion, LessonPage
from lms.courses.services import lesson_complete
from lms.grades.services import grade_record
from lms.quizzes.models import AttemptAnswer, Choice, Question, Quiz, QuizAttempt, QuizQuestion
from lms.quizzes.selectors import lesson_holds_quiz, quiz_questions
from lms.quizzes.validators import (
    CHOICE_KINDS,
    ChoiceData,
    accepted_variants,
    normalize_text,
    parse_decimal,
    question_errors,
    quiz_question_errors,
)

# A choice question's answer is a list of choice ids; a short or numeric answer is the text typed.
Answer = list[int] | str


class QuizError(Exception):
    """Base of the quiz errors a view turns into a Spanish message."""

    message = _("No se puede hacer esto con el cuestionario.")


class NotEnrolled(QuizError):
    message = _("Para responder este cuestionario, primero inscríbete en el curso.")


class NoAttemptsLeft(QuizError):
    message = _("Ya usaste todos los intentos de este cuestionario.")


class AttemptClosed(QuizError):
    message = _("Este intento ya fue enviado. No se puede cambiar.")


class QuizNotReady(QuizError):
    message = _("Este cuestionario todavía no está listo. Avisa a tu coordinadora.")


class LessonMismatch(QuizError):
    message = _("Este cuestionario no está en esa lección.")


class InvalidAnswers(QuizError):
    """Some typed answers cannot be read (e.g. a number with letters). errors: question id -> message."""

    message = _("Revisa las respuestas marcadas en rojo.")

    def __init__(self, errors: dict[int, str]):
        super().__init__(errors)
        self.errors = errors


def question_create(
    *,
    course,
    kind: str,
    prompt: str,
    choices: Sequence[tuple[str, bool, str]] = (),
    accepted_answers: str = "",
    numeric_answer: Decimal | None = None,
    tolerance: Decimal = Decimal("0"),
    explanation: str = "",
) -> Question:
    """Add a question to a course's bank. choices are (text, is_correct, feedback).

    Raises ValidationError when the question breaks the rules the admin form also applies.
    """
    errors = question_errors(
        kind=kind,
        choices=[ChoiceData(t, c) for t, c, _f in choices],
        accepted_answers=accepted_answers,
        numeric_answer=numeric_answer,
    )
    if errors:
        raise ValidationError(list(errors.values()))
    with transaction.atomic():
        question = Question.objects.create(
            course=course,
            kind=kind,
            prompt=prompt,
            accepted_answers=accepted_answers,
            numeric_answer=numeric_answer,
            tolerance=tolerance,
            explanation=explanation,
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=correct, feedback=feedback, sort_order=i)
            for i, (text, correct, feedback) in enumerate(choices)
        )
    return question


def quiz_create(
    *,
    course,
    title: str,
    questions: Iterable[Question],
    kind: str = Quiz.Kind.LESSON,
    pass_mark: int = 60,
    max_attempts: int = 3,
) -> Quiz:
    """Create a quiz from questions of the course's bank, in the given order. Raises ValidationError otherwise."""
    questions = list(questions)
    errors = quiz_question_errors(course_id=course.id, question_course_ids=[q.course_id for q in questions])
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        quiz = Quiz.objects.create(
            course=course, title=title, kind=kind, pass_mark=pass_mark, max_attempts=max_attempts
        )
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=quiz, question=q, sort_order=i) for i, q in enumerate(questions)
        )
    return quiz


def quiz_attempt_start(*, user, quiz: Quiz, lesson: LessonPage | None = None) -> QuizAttempt:
    """Open a new attempt, or return the one already open. The learner must have an active enrolment.

    Raises NotEnrolled, NoAttemptsLeft, LessonMismatch (lesson given but it does not hold the quiz)
    or QuizNotReady (no questions, or questions of another course).
    """
    if lesson is not None and not lesson_holds_quiz(lesson=lesson, quiz=quiz):
        raise LessonMismatch()
    course_ids = list(QuizQuestion.objects.filter(quiz=quiz).values_list("question__course_id", flat=True))
    if not course_ids or quiz_question_errors(course_id=quiz.course_id, question_course_ids=course_ids):
        raise QuizNotReady()
    try:
        with transaction.atomic():
            # Row lock on the enrolment: two "Comenzar" clicks at once must not both pass the attempts limit.
            enrolment = (
                Enrolment.objects.select_for_update()
                .filter(user=user, course_id=quiz.course_id, status=Enrolment.Status.ACTIVE)
                .first()
            )
            if enrolment is None:
                raise NotEnrolled()
            attempts = list(QuizAttempt.objects.filter(user=user, quiz=quiz).values_list("number", "status"))
            open_attempt = QuizAttempt.objects.filter(
                user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS
            ).first()
            if open_attempt is not None:
                return open_attempt
            if quiz.max_attempts and len(attempts) >= quiz.max_attempts:
                raise NoAttemptsLeft()
            number = max((n for n, _s in attempts), default=0) + 1
            return QuizAttempt.objects.create(user=user, quiz=quiz, lesson=lesson, number=number)
    except IntegrityError:
        # Without row locks (SQLite) the unique constraints catch the race: reuse the winner's attempt.
        return QuizAttempt.objects.get(user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS)


def quiz_attempt_save(*, attempt: QuizAttempt, answers: dict[int, Answer]) -> QuizAttempt:
    """Keep the answers given so far as the attempt's draft, exactly as typed. Raises AttemptClosed."""
    with transaction.atomic():
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if not locked.is_open:
            raise AttemptClosed()
        locked.draft = {str(qid): value for qid, value in answers.items()}
        locked.save(update_fields=["draft", "saved_at"])
    attempt.draft, attempt.saved_at = locked.draft, locked.saved_at
    return attempt


def quiz_attempt_submit(*, attempt: QuizAttempt, answers: dict[int, Answer]) -> QuizAttempt:
    """Grade and close an open attempt; unanswered questions count as wrong.

    Raises AttemptClosed if already submitted, InvalidAnswers (after saving the draft) if a number
    cannot be read. Side effects: records the grade (best score kept) and, when the attempt was started
    from a lesson and passed (or is a pre-test, which only measures), completes that lesson.
    """
    questions = quiz_questions(quiz=attempt.quiz)
    errors = _unreadable_numbers(questions, answers)
    if errors:
        quiz_attempt_save(attempt=attempt, answers=answers)
        raise InvalidAnswers(errors)
    quiz = attempt.quiz
    with transaction.atomic():
        # Row lock: a double click on "Enviar" must grade once and reject the second submission.
        locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if not locked.is_open:
            raise AttemptClosed()
        rows = [_graded_answer(locked, question, answers.get(question.id)) for question in questions]
        AttemptAnswer.objects.bulk_create(rows)
        correct = sum(1 for row in rows if row.is_correct)
        score = (Decimal(100) * correct / len(rows)).quantize(Decimal("0.01"), ROUND_HALF_UP) if rows else Decimal(0)
        locked.score, locked.passed = score, score >= quiz.pass_mark
        locked.status, locked.submitted_at = QuizAttempt.Status.SUBMITTED, timezone.now()
        locked.draft = {str(qid): value for qid, value in answers.items()}
        locked.save(update_fields=["score", "passed", "status", "submitted_at", "draft", "saved_at"])
        grade_record(
            user=locked.user,
            course=quiz.course,
            source_kind="quiz",
            source_id=quiz.id,
            title=quiz.title,
            score=score,
            policy="best",
        )
        # A pre-test measures what the learner already knows: answering it is enough to move on.
        if locked.lesson_id and (locked.passed or quiz.kind == Quiz.Kind.PRE):
            lesson_complete(
                user=locked.user, lesson=cast(LessonPage, locked.lesson), source=LessonCompletion.Source.QUIZ
            )
    return locked


def _unreadable_numbers(questions: list[Question], answers: dict[int, Answer]) -> dict[int, str]:
    errors = {}
    for question in questions:
        given = answers.get(question.id)
        if question.kind == Question.Kind.NUMERIC and isinstance(given, str) and given.strip():
            if parse_decimal(given) is None:
                errors[question.id] = str(_("Escribe solo un número, por ejemplo 12,50."))
    return errors


def _graded_answer(attempt: QuizAttempt, question: Question, given: Answer | None) -> AttemptAnswer:
    if question.kind in CHOICE_KINDS:
        valid_ids = {c.id for c in question.choices.all()}
        response: list[int] | str = sorted({int(v) for v in (given or []) if str(v).isdigit()} & valid_ids)
    else:
        response = given.strip() if isinstance(given, str) else ""
    is_correct = is_answer_correct(question, response)
    return AttemptAnswer(
        attempt=attempt,
        question=question,
        response=response,
        is_correct=is_correct,
        points=Decimal(1) if is_correct else Decimal(0),
    )


def is_answer_correct(question: Question, response: Answer) -> bool:
    """Single/true-false: the one correct option. Multiple: all and only the correct ones.
    Short: a normalized accepted variant. Numeric: within the tolerance."""
    if question.kind in CHOICE_KINDS:
        correct_ids = {c.id for c in question.choices.all() if c.is_correct}
        return bool(response) and set(response) == correct_ids
    if question.kind == Question.Kind.SHORT:
        return (
            isinstance(response, str)
            and bool(response)
            and normalize_text(response) in accepted_variants(question.accepted_answers)
        )
    if question.kind == Question.Kind.NUMERIC:
        value = parse_decimal(response) if isinstance(response, str) else None
        if value is None or question.numeric_answer is None:
            return False
        return abs(value - question.numeric_answer) <= question.tolerance
    return False
