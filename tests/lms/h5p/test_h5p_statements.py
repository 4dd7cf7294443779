import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from lms.courses.models import Enrolment, LessonCompletion, LessonPage
from lms.grades.models import Grade
from lms.h5p.models import H5PResult, H5PUserState, XAPIStatement
from lms.h5p.services import h5p_package_import
from lms.h5p.signing import h5p_token_issue
from tests.factories import UserFactory, build_course, lessons_of

# Beside the project (../shared/fixtures/h5p); SEMILLA_H5P_FIXTURES points elsewhere (a git worktree).
FIXTURES = Path(
    os.environ.get("SEMILLA_H5P_FIXTURES") or Path(__file__).resolve().parents[3].parent / "shared" / "fixtures" / "h5p"
)
VERB = "http://adlnet.gov/expapi/verbs/{}"


@pytest.fixture(autouse=True)
def _h5p_root(settings, tmp_path):
    settings.H5P_ROOT = tmp_path / "h5p"


@pytest.fixture
def setup(db):
    with (FIXTURES / "valid" / "true-false.h5p").open("rb") as upload:
        activity = h5p_package_import(upload=upload)[0]
    course = build_course(modules=1, lessons_per_module=2)
    lesson = lessons_of(course)[0]
    lesson.body = [("h5p", {"activity": activity, "intro": "Responde."})]
    lesson.save()
    learner = UserFactory(role="aprendiz")
    Enrolment.objects.create(user=learner, course=course)
    return activity, LessonPage.objects.get(pk=lesson.pk), learner, course


def statement(verb: str, raw=None, maximum=None, parent=False) -> dict:
    data = {"actor": {"name": "x"}, "verb": {"id": VERB.format(verb)}, "object": {"id": "http://x/h5p"}}
    if raw is not None:
        data["result"] = {"score": {"raw": raw, "max": maximum}, "completion": True, "success": raw / maximum >= 0.5}
    if parent:
        data["context"] = {"contextActivities": {"parent": [{"id": "http://x"}]}}
    return data


def send(client, activity, lesson, body, kind="xapi"):
    return client.post(
        f"/h5p/{activity.pk}/leccion/{lesson.pk}/{kind}/", json.dumps(body), content_type="application/json"
    )


def test_an_answered_statement_updates_the_result_the_gradebook_and_completes_the_lesson(client, setup):
    activity, lesson, learner, course = setup
    client.force_login(learner)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    response = send(client, activity, lesson, {"token": token, "statement": statement("answered", 1, 1)})
    assert response.status_code == 201
    result = H5PResult.objects.get(user=learner, activity=activity)
    assert (result.completed, result.success, result.scaled_score, result.attempts) == (True, True, Decimal("1"), 1)
    grade = Grade.objects.get(user=learner, item__source_kind="h5p", item__source_id=activity.pk)
    assert grade.score == Decimal("100.00") and grade.item.reported_by == "navegador"
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson, source="actividad").exists()


def test_sub_statements_are_stored_but_do_not_change_the_result(client, setup):
    activity, lesson, learner, _course = setup
    client.force_login(learner)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    send(client, activity, lesson, {"token": token, "statement": statement("answered", 0, 1, parent=True)})
    assert XAPIStatement.objects.filter(top_level=False).count() == 1
    assert not H5PResult.objects.exists()


def test_best_policy_keeps_the_best_score_and_last_policy_the_newest(client, setup):
    activity, lesson, learner, _course = setup
    client.force_login(learner)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    send(client, activity, lesson, {"token": token, "statement": statement("answered", 2, 2)})
    send(client, activity, lesson, {"token": token, "statement": statement("answered", 1, 2)})
    assert H5PResult.objects.get().scaled_score == Decimal("1")
    activity.grade_policy = "last"
    activity.save()
    send(client, activity, lesson, {"token": token, "statement": statement("answered", 1, 2)})
    assert H5PResult.objects.get().scaled_score == Decimal("0.5")
    assert Grade.objects.get().score == Decimal("50.00")


def test_a_verb_outside_the_allow_list_is_refused(client, setup):
    activity, lesson, learner, _course = setup
    client.force_login(learner)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    body = {"token": token, "statement": {"verb": {"id": "http://evil/verbs/hacked"}}}
    assert send(client, activity, lesson, body).status_code == 400
    assert not XAPIStatement.objects.exists()


def test_a_statement_over_64_kb_is_refused(client, setup):
    activity, lesson, learner, _course = setup
    client.force_login(learner)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    big = statement("answered", 1, 1) | {"padding": "x" * 70_000}
    assert send(client, activity, lesson, {"token": token, "statement": big}).status_code == 413


def test_another_learner_cannot_send_results_with_someone_elses_token(client, setup):
    activity, lesson, learner, course = setup
    intruder = UserFactory(role="aprendiz")
    Enrolment.objects.create(user=intruder, course=course)
    client.force_login(intruder)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    assert send(client, activity, lesson, {"token": token, "statement": statement("answered", 1, 1)}).status_code == 403
    assert not H5PResult.objects.exists()


def test_statements_need_the_csrf_token(setup):
    from django.test import Client

    activity, lesson, learner, _course = setup
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    assert send(strict, activity, lesson, {"token": token, "statement": statement("answered", 1, 1)}).status_code == 403


def test_resume_state_is_saved_bounded_and_given_back_to_the_player(client, setup):
    activity, lesson, learner, _course = setup
    client.force_login(learner)
    token = h5p_token_issue(user_id=learner.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    saved = send(client, activity, lesson, {"token": token, "state": '{"answer": true}'}, kind="estado")
    assert saved.status_code == 200
    assert H5PUserState.objects.get().data == '{"answer": true}'
    too_big = {"token": token, "state": "x" * 70_000}
    assert send(client, activity, lesson, too_big, kind="estado").status_code == 413
    player = client.get(f"/h5p-contenido/{token}/", HTTP_HOST="127.0.0.1:8001").content.decode()
    assert "answer" in player


def test_only_learners_of_the_course_can_open_the_activity(client, setup):
    activity, lesson, learner, _course = setup
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get(f"/h5p/{activity.pk}/leccion/{lesson.pk}/abrir/").status_code == 403
    client.force_login(learner)
    response = client.get(f"/h5p/{activity.pk}/leccion/{lesson.pk}/abrir/")
    assert response.status_code == 302
    assert response["Location"].startswith("http://127.0.0.1:8001/h5p-contenido/")
