"""The course pages say "1 hora", "0 de 1 lección", "1 minuto" and "2 horas", "0 de 2 lecciones" (issue 16, item 10)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from cms.plurals import plural_count
from lms.courses.models import Enrolment, LessonPage
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize(
    ("count", "hour_word", "lesson_word", "minute_word"),
    [
        (1, "1 hora", "0 de 1 lección", "1 minuto"),
        (2, "2 horas", "0 de 2 lecciones", "2 minutos"),
    ],
)
def test_the_course_lesson_and_my_courses_pages_agree_with_the_number(
    client, count, hour_word, lesson_word, minute_word
):
    course = build_course(modules=1, lessons_per_module=count)
    course.estimated_hours = Decimal(count)
    course.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lessons_of(course)[0].pk)
    lesson.estimated_minutes = count
    lesson.save_revision().publish()
    learner = UserFactory(role="aprendiz")
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)

    course_page = _text(client.get(course.url))
    assert f"{hour_word} " in course_page or course_page.endswith(hour_word)
    assert lesson_word in course_page
    assert lesson_word in _text(client.get(reverse("courses:my_courses")))
    assert f"Tiempo estimado: {minute_word}" in _text(client.get(lesson.url))
    wrong = {1: ("1 horas", "1 lecciones", "1 minutos"), 2: ("2 hora ", "2 lección", "2 minuto ")}[count]
    for page in (course_page, _text(client.get(lesson.url))):
        for text in wrong:
            assert text not in page


def test_decimal_hours_choose_singular_only_for_exactly_one():
    assert [plural_count(v) for v in (Decimal("1"), Decimal("1.0"), Decimal("1.5"), 0, 2)] == [1, 1, 2, 0, 2]
