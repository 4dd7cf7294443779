from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from lms.quizzes.models import Quiz, QuizAttempt
from lms.quizzes.selectors import course_knowledge_gain, knowledge_gain_for
from tests.factories import UserFactory, build_course


@pytest.fixture
def tests_of_course(db):
    course = build_course(modules=1, lessons_per_module=1)
    pre = Quiz.objects.create(course=course, title="Prueba de entrada", kind=Quiz.Kind.PRE, max_attempts=0)
    post = Quiz.objects.create(course=course, title="Evaluación final", kind=Quiz.Kind.POST, max_attempts=0)
    return course, pre, post


def submitted(user, quiz, score, minutes_ago=0, number=None):
    """A submitted attempt with a given score; built directly: grading is tested elsewhere."""
    number = number or QuizAttempt.objects.filter(user=user, quiz=quiz).count() + 1
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        number=number,
        status=QuizAttempt.Status.SUBMITTED,
        score=Decimal(score),
        passed=Decimal(score) >= 60,
        submitted_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def test_gain_uses_the_first_pre_test_and_the_best_post_test(tests_of_course):
    course, pre, post = tests_of_course
    ana = UserFactory()
    submitted(ana, pre, "40", minutes_ago=60)
    submitted(ana, pre, "90", minutes_ago=50)  # a retry must not raise the baseline
    submitted(ana, post, "70", minutes_ago=20)
    submitted(ana, post, "85", minutes_ago=10)
    submitted(ana, post, "55", minutes_ago=5)
    # (85 - 40) / (100 - 40) = 45 / 60 = 0.75
    assert knowledge_gain_for(ana, course) == Decimal("0.7500")


def test_gain_can_be_negative(tests_of_course):
    course, pre, post = tests_of_course
    ben = UserFactory()
    submitted(ben, pre, "50")
    submitted(ben, post, "40")
    # (40 - 50) / 50 = -0.2
    assert knowledge_gain_for(ben, course) == Decimal("-0.2000")


def test_gain_is_none_without_both_tests_or_with_a_perfect_pre_test(tests_of_course):
    course, pre, post = tests_of_course
    only_pre, perfect = UserFactory(), UserFactory()
    submitted(only_pre, pre, "30")
    submitted(perfect, pre, "100")
    submitted(perfect, post, "100")
    assert knowledge_gain_for(only_pre, course) is None
    assert knowledge_gain_for(perfect, course) is None


def test_open_attempts_do_not_count(tests_of_course):
    course, pre, post = tests_of_course
    eva = UserFactory()
    submitted(eva, pre, "20")
    QuizAttempt.objects.create(user=eva, quiz=post, number=1, score=Decimal("90"))
    assert knowledge_gain_for(eva, course) is None


def test_course_gain_averages_learners_with_both_tests(tests_of_course):
    course, pre, post = tests_of_course
    ana, ben, cris, dani, ema = UserFactory(), UserFactory(), UserFactory(), UserFactory(), UserFactory()
    submitted(ana, pre, "40")
    submitted(ana, post, "85")  # 0.75
    submitted(ben, pre, "50")
    submitted(ben, post, "40")  # -0.2
    submitted(cris, pre, "0")
    submitted(cris, post, "60")  # 0.6
    submitted(dani, pre, "30")  # no post: left out
    submitted(ema, pre, "100")
    submitted(ema, post, "100")  # undefined gain: left out
    other_course = build_course(title="Otro curso", modules=1, lessons_per_module=1)
    other_post = Quiz.objects.create(course=other_course, title="Final", kind=Quiz.Kind.POST)
    submitted(dani, other_post, "100")  # another course's post-test does not count
    gain = course_knowledge_gain(course)
    # (0.75 - 0.2 + 0.6) / 3 = 1.15 / 3 = 0.38333...
    assert gain.average == Decimal("0.3833")
    assert gain.learners == 3
    assert gain.improved_percent == Decimal("66.67")


def test_course_gain_is_empty_without_data(tests_of_course):
    course, _pre, _post = tests_of_course
    gain = course_knowledge_gain(course)
    assert gain.average is None and gain.learners == 0 and gain.improved_percent is None
