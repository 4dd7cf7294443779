from decimal import Decimal

from lms.grades.selectors import gradebook_for_course, gradebook_for_learner
from tests.factories import UserFactory
from tests.lms.grades.conftest import enrol, record


def test_learner_totals_weigh_graded_items_and_all_items(course, items, ana):
    record(ana, course, items[0], "80")  # weight 1
    record(ana, course, items[1], "50")  # weight 2
    book = gradebook_for_learner(user=ana, course=course)
    # graded: (80*1 + 50*2) / 3 = 60.00; all: 180 / 6 = 30.00
    assert book.total_graded == Decimal("60.00")
    assert book.total_all == Decimal("30.00")
    assert [line.score for line in book.lines] == [Decimal("80"), Decimal("50"), None]
    assert [line.item.weight for line in book.lines] == [1, 2, 3]


def test_learner_totals_round_to_two_places(course, items, ana):
    record(ana, course, items[0], "100")
    record(ana, course, items[2], "0")
    # graded: 100 / 4 = 25.00 ; all: 100 / 6 = 16.666... -> 16.67
    book = gradebook_for_learner(user=ana, course=course)
    assert book.total_graded == Decimal("25.00")
    assert book.total_all == Decimal("16.67")


def test_learner_without_grades_has_no_graded_total(course, items, ana):
    book = gradebook_for_learner(user=ana, course=course)
    assert book.total_graded is None
    assert book.total_all == Decimal("0.00")


def test_learner_gradebook_ignores_other_learners(course, items, ana, beto):
    record(beto, course, items[0], "90")
    book = gradebook_for_learner(user=ana, course=course)
    assert all(line.score is None for line in book.lines)


def test_course_gradebook_is_a_matrix_of_learners_and_items(course, items, ana, beto):
    record(ana, course, items[2], "70")
    record(beto, course, items[0], "100")
    record(beto, course, items[1], "40")
    book = gradebook_for_course(course=course)
    assert [row.user for row in book.rows] == [ana, beto]
    assert book.rows[0].scores == [None, None, Decimal("70")]
    assert book.rows[0].total_graded == Decimal("70.00")
    assert book.rows[0].total_all == Decimal("35.00")
    # beto: (100 + 80) / 3 = 60.00 ; (180) / 6 = 30.00
    assert book.rows[1].total_graded == Decimal("60.00")
    assert book.rows[1].total_all == Decimal("30.00")


def _fill(course, items, learners: int):
    for _ in range(learners):
        user = UserFactory(role="aprendiz")
        enrol(user, course)
        for item in items:
            record(user, course, item, "75")


def test_course_gradebook_query_count_is_constant(course, items, django_assert_num_queries):
    _fill(course, items, 1)
    with django_assert_num_queries(3):
        assert len(gradebook_for_course(course=course).rows) == 1
    _fill(course, items, 29)
    with django_assert_num_queries(3):
        assert len(gradebook_for_course(course=course).rows) == 30
