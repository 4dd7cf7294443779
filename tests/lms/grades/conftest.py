from decimal import Decimal

import pytest

from lms.courses.models import Enrolment
from lms.grades.services import grade_item_ensure, grade_record
from tests.factories import UserFactory, build_course


@pytest.fixture
def course(db):
    return build_course(title="Educación financiera", modules=1, lessons_per_module=1)


@pytest.fixture
def items(course):
    """Three quizzes weighing 1, 2 and 3."""
    result = []
    for n, weight in enumerate([Decimal("1"), Decimal("2"), Decimal("3")], start=1):
        item = grade_item_ensure(course=course, source_kind="quiz", source_id=n, title=f"Cuestionario {n}")
        item.weight = weight
        item.position = n
        item.save()
        result.append(item)
    return result


def enrol(user, course):
    return Enrolment.objects.create(user=user, course=course)


def record(user, course, item, score):
    return grade_record(
        user=user,
        course=course,
        source_kind=item.source_kind,
        source_id=item.source_id,
        title=item.title,
        score=Decimal(score),
    )


@pytest.fixture
def ana(course):
    user = UserFactory(role="aprendiz", first_name="Ana", last_name="Quispe")
    enrol(user, course)
    return user


@pytest.fixture
def beto(course):
    user = UserFactory(role="aprendiz", first_name="Beto", last_name="Zambrano")
    enrol(user, course)
    return user
