"""Wagtail documents are not public: staff, the readers of a lesson that links them, or their collection's people."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from lms.courses.services import enrolment_create
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db
BODY = b"%PDF-1.4 guia del curso"


def _document(title="Guía", collection=None):
    Document = get_document_model()
    doc = Document(title=title, collection=collection or Collection.get_first_root_node())
    doc.file.save("guia.pdf", ContentFile(BODY), save=False)
    doc.save()
    return doc


def _link_from_lesson(lesson, doc):
    lesson.body = [("file", {"title": "Guía", "document": doc, "size_mb": "0.1"})]
    lesson.save_revision().publish()


@pytest.fixture
def course_with_document():
    course = build_course(modules=1, lessons_per_module=1)
    doc = _document()
    _link_from_lesson(lessons_of(course)[0], doc)
    return course, doc


def _get(client, doc, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(doc.url)


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_anonymous_visitor_is_sent_to_log_in(client, course_with_document):
    _course, doc = course_with_document
    response = _get(client, doc)
    assert response.status_code == 302 and "/cuenta/entrar/" in response["Location"]


def test_a_learner_of_the_course_downloads_a_document_its_lesson_links(client, course_with_document):
    course, doc = course_with_document
    learner = UserFactory(role="aprendiz")
    enrolment_create(user=learner, course=course)
    response = _get(client, doc, learner)
    assert response.status_code == 200
    assert _body(response) == BODY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} & set(response["Cache-Control"].replace(",", " ").split())


def test_someone_not_in_the_course_gets_404(client, course_with_document):
    _course, doc = course_with_document
    other_course = build_course(title="Otro curso", modules=1, lessons_per_module=1)
    outsider = UserFactory(role="aprendiz")
    enrolment_create(user=outsider, course=other_course)
    assert _get(client, doc, outsider).status_code == 404


def test_a_learner_on_the_waiting_list_gets_404(client):
    course = build_course(modules=1, lessons_per_module=1, capacity=1)
    doc = _document()
    _link_from_lesson(lessons_of(course)[0], doc)
    enrolment_create(user=UserFactory(role="aprendiz"), course=course)
    waiting = UserFactory(role="aprendiz")
    enrolment_create(user=waiting, course=course)
    assert _get(client, doc, waiting).status_code == 404


def test_the_course_mentor_and_coordination_download_it(client, course_with_document):
    course, doc = course_with_document
    mentor = UserFactory(role="mentor")
    course.mentors.add(mentor)
    course.save()
    assert _get(client, doc, mentor).status_code == 200
    assert _get(client, doc, UserFactory(role="coordinacion")).status_code == 200


def test_a_document_no_lesson_links_is_for_staff_only(client):
    doc = _document()
    assert _get(client, doc, UserFactory(role="aprendiz")).status_code == 404
    assert _get(client, doc, UserFactory(role="mentor")).status_code == 404
    assert _get(client, doc, UserFactory(role="coordinacion")).status_code == 200


def test_a_collection_restricted_to_a_group_is_served_to_its_members(client):
    root = Collection.get_first_root_node()
    collection = root.add_child(instance=Collection(name="Grupo de la mañana"))
    group = Group.objects.create(name="Grupo de la mañana")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    doc = _document(collection=collection)
    member, stranger = UserFactory(role="aprendiz"), UserFactory(role="aprendiz")
    member.groups.add(group)
    assert _get(client, doc, member).status_code == 200
    client.logout()
    assert _get(client, doc, stranger).status_code in (403, 404)


def test_the_id_with_the_wrong_file_name_is_404(client, course_with_document):
    _course, doc = course_with_document
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(f"/documentos/{doc.pk}/otro.pdf").status_code == 404
