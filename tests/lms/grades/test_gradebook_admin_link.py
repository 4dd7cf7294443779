"""The course gradebook is reachable from the course in the Wagtail admin, for who may open it."""

import pytest
from django.urls import reverse

from cms.accounts.services import role_permissions_ensure
from lms.courses.models import CourseIndexPage
from lms.grades.wagtail_hooks import GradebookMenuItem
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    role_permissions_ensure()
    return UserFactory(role="coordinacion")


def test_the_course_edit_page_links_the_gradebook(client, course, coordinator):
    client.force_login(coordinator)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert reverse("grades:course", args=[course.pk]) in body


def test_the_course_listing_links_each_course_gradebook(client, course, coordinator):
    client.force_login(coordinator)
    index = CourseIndexPage.objects.get()
    body = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert reverse("grades:course", args=[course.pk]) in body


def test_other_pages_get_no_gradebook_link(client, course, coordinator):
    client.force_login(coordinator)
    index = CourseIndexPage.objects.get()
    body = client.get(reverse("wagtailadmin_pages:edit", args=[index.pk])).content.decode()
    assert "/calificaciones/curso/" not in body


def test_the_link_is_shown_only_to_who_may_open_the_gradebook(course, coordinator):
    mentor, other_mentor = UserFactory(role="mentor"), UserFactory(role="mentor")
    course.mentors.add(mentor)
    course.save()
    item = GradebookMenuItem(course, priority=1)
    assert item.is_shown(coordinator) and item.is_shown(mentor)
    assert not item.is_shown(other_mentor) and not item.is_shown(UserFactory(role="aprendiz"))
