"""Reads of the quizzes app: questions of a quiz, a learner's summary and review, knowledge gain."""

import copy
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from django.core.cache import cache
from django.db.models import Count, Max, Prefetch

from lms.courses.models import Enrolment
from lms.quizzes.models import AttemptAnswer, Choice, Question, Quiz, QuizAttempt, QuizQuestion


def quiz_questions(*, quiz: Quiz) -> list[Question]:
    """The quiz's questions in order, with their options prefetched: 2 queries whatever the size."""
    links = (
        QuizQuestion.objects.filter(quiz=quiz)
        .order_by("sort_order", "id")
        .select_related("question")
        .prefetch_related(Prefetch("question__choices", queryset=Choice.objects.order_by("sort_order", "id")))
    )
    return [link.question for link in links]


def _quiz_key(version: str, pk) -> str:
    return f"quizzes:quiz:{version}:{pk}"


def quizzes_by_id(*, ids: list) -> list[Quiz | None]:
    """The quizzes of a lesson's quiz blocks, in the order given (None for a missing one, a copy for a repeat),
    each with its `question_count`.

    Cached under the page tree's version, like the page itself; saving or deleting a quiz or one of its
    question links replaces the version (lms.quizzes.signals). At most one query, none when warm.
    """
    from cms.page_cache import TREE_CACHE_SECONDS, tree_version

    version = tree_version()
    wanted = {pk for pk in ids if pk is not None}
    found = {quiz.pk: quiz for quiz in cache.get_many([_quiz_key(version, pk) for pk in wanted]).values()}
    missing = wanted - found.keys()
    if missing:
        loaded = Quiz.objects.annotate(question_count=Count("quiz_questions")).in_bulk(missing)
        cache.set_many({_quiz_key(version, pk): quiz for pk, quiz in loaded.items()}, TREE_CACHE_SECONDS)
        found.update(loaded)
    seen: set = set()
    result: list[Quiz | None] = []
    for pk in ids:
        quiz = found.get(pk)
        result.append(copy.copy(quiz) if quiz is not None and pk in seen else quiz)
        seen.add(pk)
    return result


def lesson_holds_quiz(*, lesson, quiz: Quiz) -> bool:
    """True when the lesson's body holds a quiz block for this quiz (read from raw data: no queries)."""
    for block in lesson.body.raw_data:
        value = block.get("value") or {}
        if block.get("type") == "quiz" and isinstance(value, dict) and value.get("quiz") == quiz.id:
            return True
    return False


@dataclass(frozen=True)
class QuizSummary:
    quiz: Quiz
    question_count: int
    attempts_used: int
    best_score: Decimal | None
    passed: bool
    open_attempt_id: int | None
    enrolled: bool

    @property
    def attempts_left(self) -> int | None:
        """None when there is no limit."""
        if not self.quiz.max_attempts:
            return None
        return max(self.quiz.max_attempts - self.attempts_used, 0)

    @property
    def can_start(self) -> bool:
        return self.enrolled and (self.open_attempt_id is not None or self.attempts_left != 0)


def quiz_summary_for(*, user, quiz: Quiz, enrolled: bool | None = None) -> QuizSummary:
    """What the quiz block shows a person: size, pass mark, attempts used, best score. Three plain queries
    (one for an anonymous visitor; two when the caller already knows `enrolled`, i.e. whether the person has an
    active enrolment in the quiz's course): cheaper for Django to build than one query with six subqueries."""
    question_count = getattr(quiz, "question_count", None)  # counted already by quizzes_by_id
    if question_count is None:
        question_count = QuizQuestion.objects.filter(quiz=quiz).count()
    if not getattr(user, "is_authenticated", False):
        return QuizSummary(
            quiz=quiz,
            question_count=question_count,
            attempts_used=0,
            best_score=None,
            passed=False,
            open_attempt_id=None,
            enrolled=False,
        )
    # The person's few attempts as plain rows, summed up here: the same one query as an aggregate with four
    # filtered expressions, but Django builds it in a third of the time (measured with py-spy: the aggregate
    # was the lesson page's costliest query to build, about 0.9 ms).
    attempts = list(
        QuizAttempt.objects.filter(quiz=quiz, user_id=user.id).values_list("id", "status", "score", "passed")
    )
    scores = [score for _id, _status, score, _passed in attempts if score is not None]
    open_ids = [pk for pk, status, _score, _passed in attempts if status == QuizAttempt.Status.IN_PROGRESS]
    if enrolled is None:
        enrolled = Enrolment.objects.filter(
            user_id=user.id, course_id=quiz.course_id, status=Enrolment.Status.ACTIVE
        ).exists()
    return QuizSummary(
        quiz=quiz,
        question_count=question_count,
        attempts_used=len(attempts),
        best_score=max(scores, default=None),
        passed=any(passed for _id, _status, _score, passed in attempts),
        open_attempt_id=max(open_ids, default=None),
        enrolled=enrolled,
    )


@dataclass(frozen=True)
class ReviewItem:
    question: Question
    is_correct: bool
    answered: bool
    chosen: list[Choice]
    text: str


def attempt_review(*, attempt: QuizAttempt) -> list[ReviewItem]:
    """Per question of a submitted attempt: right or wrong, the options chosen (with feedback), the text typed."""
    answers = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    items = []
    for question in quiz_questions(quiz=attempt.quiz):
        answer = answers.get(question.id)
        response = answer.response if answer else None
        if isinstance(response, list):
            chosen_ids = set(response)
            chosen, text = [c for c in question.choices.all() if c.id in chosen_ids], ""
        else:
            chosen, text = [], response or ""
        items.append(
            ReviewItem(
                question=question,
                is_correct=bool(answer and answer.is_correct),
                answered=bool(chosen or text),
                chosen=chosen,
                text=text,
            )
        )
    return items


def _gain(pre: Decimal, post: Decimal) -> Decimal | None:
    if pre >= 100:
        return None
    return ((post - pre) / (Decimal(100) - pre)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def _first_pre_scores(course, user=None) -> dict[int, Decimal]:
    """Each learner's FIRST submitted pre-test score: later retries must not inflate the baseline."""
    attempts = QuizAttempt.objects.filter(
        quiz__course=course,
        quiz__kind=Quiz.Kind.PRE,
        status=QuizAttempt.Status.SUBMITTED,
    ).order_by("user_id", "submitted_at", "id")
    if user is not None:
        attempts = attempts.filter(user=user)
    first: dict[int, Decimal] = {}
    for user_id, score in attempts.values_list("user_id", "score"):
        first.setdefault(user_id, cast(Decimal, score))  # a submitted attempt always has its score
    return first


def _best_post_scores(course, user=None) -> dict[int, Decimal]:
    attempts = QuizAttempt.objects.filter(
        quiz__course=course,
        quiz__kind=Quiz.Kind.POST,
        status=QuizAttempt.Status.SUBMITTED,
    )
    if user is not None:
        attempts = attempts.filter(user=user)
    return dict(attempts.values("user_id").annotate(best=Max("score")).values_list("user_id", "best"))


def knowledge_gain_for(user, course) -> Decimal | None:
    """Normalized gain (post - pre) / (100 - pre), first pre-test vs best post-test. None if one is missing."""
    pre = _first_pre_scores(course, user).get(user.id)
    post = _best_post_scores(course, user).get(user.id)
    if pre is None or post is None:
        return None
    return _gain(pre, post)


@dataclass(frozen=True)
class CourseGain:
    average: Decimal | None
    learners: int
    improved_percent: Decimal | None


def course_knowledge_gain(course) -> CourseGain:
    """Average normalized gain over learners with both tests, how many, and % of them whose gain is > 0.

    Learners whose pre-test was already 100 have no defined gain and are left out.
    """
    pre, post = _first_pre_scores(course), _best_post_scores(course)
    gains = [g for uid in pre.keys() & post.keys() if (g := _gain(pre[uid], post[uid])) is not None]
    if not gains:
        return CourseGain(average=None, learners=0, improved_percent=None)
    two = Decimal("0.01")
    return CourseGain(
        average=(sum(gains, Decimal(0)) / len(gains)).quantize(Decimal("0.0001"), ROUND_HALF_UP),
        learners=len(gains),
        improved_percent=(Decimal(100) * sum(1 for g in gains if g > 0) / len(gains)).quantize(two, ROUND_HALF_UP),
    )


def best_post_scores(*, user, course_ids: list[int]) -> dict[int, object]:
    """Best submitted final-evaluation (post-test) score per course for one learner: one query."""
    rows = (
        QuizAttempt.objects.filter(
            user=user, quiz__course_id__in=course_ids, quiz__kind=Quiz.Kind.POST, status=QuizAttempt.Status.SUBMITTED
        )
        .values("quiz__course_id")
        .annotate(best=Max("score"))
        .values_list("quiz__course_id", "best")
    )
    return dict(rows)


def courses_with_post_test(*, course_ids: list[int]) -> set[int]:
    """Which of these courses have a final evaluation (post-test): one query."""
    return set(Quiz.objects.filter(course_id__in=course_ids, kind=Quiz.Kind.POST).values_list("course_id", flat=True))
