"""One H5P package placed in lessons of two courses: each play counts where it happened (issue 16, item 1)."""

import importlib
import json
from decimal import Decimal
from pathlib import Path

import pytest

from lms.courses.models import Enrolment, LessonCompletion, LessonPage
from lms.grades.models import Grade, GradeItem
from lms.grades.selectors import gradebook_for_course, gradebook_for_learner
from lms.h5p.models import H5PResult
from lms.h5p.services import h5p_package_import
from lms.h5p.signing import h5p_token_issue
from tests.factories import UserFactory, build_course, lessons_of

FIXTURES = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures" / "h5p"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


@pytest.fixture(autouse=True)
def _h5p_root(settings, tmp_path):
    settings.H5P_ROOT = tmp_path / "h5p"


def _place(activity, course) -> LessonPage:
    lesson = lessons_of(course)[0]
    lesson.body = [("h5p", {"activity": activity, "intro": ""})]
    lesson.save()
    return LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture
def two_courses(db):
    with (FIXTURES / "valid" / "true-false.h5p").open("rb") as upload:
        activity = h5p_package_import(upload=upload)[0]
    course_a = build_course(title="Curso A", modules=1, lessons_per_module=1)
    course_b = build_course(title="Curso B", modules=1, lessons_per_module=1)
    learner = UserFactory(role="aprendiz")
    for course in (course_a, course_b):
        Enrolment.objects.create(user=learner, course=course)
    return activity, (course_a, _place(activity, course_a)), (course_b, _place(activity, course_b)), learner


def _play(client, user, activity, lesson, raw: int, maximum: int = 2):
    token = h5p_token_issue(user_id=user.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    statement = {
        "actor": {"name": "x"},
        "verb": {"id": ANSWERED},
        "object": {"id": "http://x/h5p"},
        "result": {"score": {"raw": raw, "max": maximum}, "completion": True},
    }
    response = client.post(
        f"/h5p/{activity.pk}/leccion/{lesson.pk}/xapi/",
        json.dumps({"token": token, "statement": statement}),
        content_type="application/json",
    )
    assert response.status_code == 201


def test_a_play_in_the_second_course_is_graded_in_that_course(client, two_courses):
    activity, (course_a, lesson_a), (course_b, lesson_b), learner = two_courses
    client.force_login(learner)
    _play(client, learner, activity, lesson_a, raw=2)
    _play(client, learner, activity, lesson_b, raw=1)

    book_a = gradebook_for_learner(user=learner, course=course_a)
    book_b = gradebook_for_learner(user=learner, course=course_b)
    assert [line.score for line in book_a.lines] == [Decimal("100.00")]
    assert [line.score for line in book_b.lines] == [Decimal("50.00")]
    assert [row.scores for row in gradebook_for_course(course=course_b).rows] == [[Decimal("50.00")]]
    assert GradeItem.objects.get(course=course_b).lesson_id == lesson_b.pk
    results = {r.lesson_id: r.scaled_score for r in H5PResult.objects.filter(user=learner)}
    assert results == {lesson_a.pk: Decimal("1"), lesson_b.pk: Decimal("0.5")}


def test_a_play_in_one_course_does_not_complete_the_lesson_of_the_other(client, two_courses):
    activity, (_course_a, lesson_a), (_course_b, lesson_b), learner = two_courses
    client.force_login(learner)
    _play(client, learner, activity, lesson_a, raw=2)
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson_a).exists()
    assert not LessonCompletion.objects.filter(user=learner, lesson=lesson_b).exists()
    assert not Grade.objects.filter(user=learner, item__course=_course_b).exists()


def test_the_resume_state_of_one_lesson_is_not_given_to_the_other(client, two_courses):
    activity, (_course_a, lesson_a), (_course_b, lesson_b), learner = two_courses
    client.force_login(learner)
    token_a = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson_a.pk)
    saved = client.post(
        f"/h5p/{activity.pk}/leccion/{lesson_a.pk}/estado/",
        json.dumps({"token": token_a, "state": '{"respuesta-a": true}'}),
        content_type="application/json",
    )
    assert saved.status_code == 200
    token_b = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson_b.pk)
    player_b = client.get(f"/h5p-contenido/{token_b}/", HTTP_HOST="127.0.0.1:8001").content.decode()
    player_a = client.get(f"/h5p-contenido/{token_a}/", HTTP_HOST="127.0.0.1:8001").content.decode()
    assert "respuesta-a" in player_a and "respuesta-a" not in player_b


def test_the_migration_gives_a_legacy_result_the_lesson_the_learner_most_likely_played():
    migration = importlib.import_module("lms.h5p.migrations.0004_fill_in_lessons")
    places = [(10, 1), (20, 2), (30, 3)]
    assert migration.choose_lesson(places, completed={20}, enrolled={1, 2}, graded_course=1) == 20
    assert migration.choose_lesson(places, completed=set(), enrolled={3}, graded_course=1) == 30
    assert migration.choose_lesson(places, completed=set(), enrolled={1, 2}, graded_course=2) == 20
    assert migration.choose_lesson(places, completed=set(), enrolled=set(), graded_course=None) == 10
    assert migration.choose_lesson([], completed=set(), enrolled=set(), graded_course=None) is None
