import pytest

from lms.courses.models import Enrolment
from lms.courses.services import lesson_complete
from lms.courses.signals import course_completed
from tests.factories import UserFactory, build_course, lessons_of


@pytest.mark.django_db(transaction=True)
def test_it_completes_the_course_once_when_the_last_lesson_is_done():
    user = UserFactory()
    course = build_course(modules=1, lessons_per_module=2)
    Enrolment.objects.create(user=user, course=course)
    received = []
    course_completed.connect(lambda **kw: received.append(kw["course"].id), weak=False, dispatch_uid="t")
    try:
        first, last = lessons_of(course)
        lesson_complete(user=user, lesson=first)
        assert received == []
        lesson_complete(user=user, lesson=last)
        lesson_complete(user=user, lesson=last)
    finally:
        course_completed.disconnect(dispatch_uid="t")
    assert received == [course.id]
    assert Enrolment.objects.get(user=user, course=course).completed_at is not None
