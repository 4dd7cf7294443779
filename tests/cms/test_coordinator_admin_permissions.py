"""Coordination can do its work in the Wagtail admin (H5P, quizzes, questions, course pages, images and
documents of others, the satisfaction answers); learners and mentors cannot."""

import pytest
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from cms.accounts.services import role_permissions_ensure
from lms.quizzes.services import question_create, quiz_create
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _roles():
    role_permissions_ensure()  # the permissions given after migrate, also on a reused test database


@pytest.fixture
def course():
    return build_course(title="Ahorro", modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course):
    question = question_create(
        course=course, kind="vf", prompt="Ahorrar es guardar.", choices=[("Verdadero", True, ""), ("Falso", False, "")]
    )
    return quiz_create(course=course, title="Evaluación final", questions=[question])


def _admin_urls(course, quiz) -> list[str]:
    question = quiz.quiz_questions.first().question
    return [
        reverse("wagtailsnippets_h5p_h5pactivity:add"),
        reverse("wagtailsnippets_h5p_h5pactivity:list"),
        reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk]),
        reverse("wagtailsnippets_quizzes_quiz:add"),
        reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk]),
        reverse("wagtailsnippets_quizzes_question:add"),
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
    ]


def test_a_coordinator_opens_the_h5p_upload_and_the_quiz_and_question_editors(client, course, quiz):
    client.force_login(UserFactory(role="coordinacion"))
    for url in _admin_urls(course, quiz):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["aprendiz", "mentor", "jurado"])
def test_learners_mentors_and_jurors_cannot(client, course, quiz, role):
    client.force_login(UserFactory(role=role))
    for url in _admin_urls(course, quiz):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert (
            response.status_code == 403
            or "/cuenta/entrar/" in response["Location"]
            or "/admin/login/" in response["Location"]
        ), url


def test_a_coordinator_can_add_a_course_page(client, course):
    client.force_login(UserFactory(role="coordinacion"))
    index = Page.objects.get(pk=course.get_parent().pk)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", index.pk])
    assert client.get(url).status_code == 200


def test_a_coordinator_edits_an_image_and_a_document_someone_else_uploaded(client):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    someone = UserFactory(role="coordinacion")
    image = Image.objects.create(title="Afiche", file=get_test_image_file(), uploaded_by_user=someone)
    document = Document.objects.create(
        title="Guía", file=ContentFile(b"%PDF-1.4", name="guia.pdf"), uploaded_by_user=someone
    )
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200
