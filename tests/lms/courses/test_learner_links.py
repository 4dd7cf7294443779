"""After a course, the course page and Mis cursos lead to the learner's certificate and her grades."""

import pytest
from django.urls import reverse

from lms.courses.services import enrolment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def _completed(course):
    user = UserFactory(role="aprendiz")
    enrolment_create(user=user, course=course)
    for lesson in lessons_of(course):
        lesson_complete(user=user, lesson=lesson)
    return user


def test_a_finished_course_page_links_her_certificate_and_grades(client):
    course = build_course(title="Ahorro", modules=1, lessons_per_module=1)
    client.force_login(_completed(course))
    body = client.get(course.url).content.decode()
    assert "¡Completaste este curso!" in body
    assert f'href="{reverse("certificates:list")}"' in body
    assert f'href="{reverse("grades:learner", args=[course.pk])}"' in body


def test_my_courses_links_certificates_and_the_grades_of_each_course(client):
    course = build_course(title="Ahorro", modules=1, lessons_per_module=1)
    client.force_login(_completed(course))
    body = client.get(reverse("courses:my_courses")).content.decode()
    assert "Ver mi certificado" in body
    assert f'href="{reverse("certificates:list")}"' in body
    assert f'href="{reverse("grades:learner", args=[course.pk])}"' in body


def test_a_course_not_started_shows_no_grades_link(client):
    course = build_course(title="Ahorro", modules=1, lessons_per_module=1)
    client.force_login(UserFactory(role="aprendiz"))
    body = client.get(course.url).content.decode()
    assert reverse("grades:learner", args=[course.pk]) not in body
