"""The outbox sync: validated first, once per key, refusals in Spanish, ended enrolments refused whole."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from lms.courses.models import Enrolment, LessonCompletion
from lms.courses.services import enrolment_cancel
from lms.offline.models import OutboxReceipt
from lms.quizzes.models import QuizAttempt
from tests.lms.quizzes.conftest import correct_answers

pytestmark = pytest.mark.django_db
SYNC = "/aprender/paquetes/sincronizar/"


def _manifest(client, pack):
    client.force_login(pack.learner)
    return client.get(reverse("offline:manifest", kwargs={"module_id": pack.module.id})).json()


def _completion(pack, key=None):
    return {"key": str(key or uuid.uuid4()), "kind": "completion", "lesson": pack.plain.id, "pack_version": "v"}


def _quiz_item(pack, manifest, answers=None, key=None):
    return {
        "key": str(key or uuid.uuid4()),
        "kind": "quiz",
        "lesson": pack.quiz_lesson.id,
        "quiz": pack.quiz.id,
        "quiz_hash": manifest["quizzes"][0]["hash"],
        "pack_version": manifest["version"],
        "answers": {str(k): v for k, v in (answers or correct_answers(pack.questions)).items()},
        "answered_at": "2026-12-05T10:00:00-05:00",
    }


def _send(client, items):
    return client.post(SYNC, data=json.dumps({"items": items}), content_type="application/json")


def test_the_url_name_is_stable():
    assert reverse("offline:sync") == SYNC


def test_a_completion_and_a_quiz_are_applied_and_reported(client, pack):
    manifest = _manifest(client, pack)
    response = _send(client, [_completion(pack), _quiz_item(pack, manifest)])
    assert response.status_code == 200
    completed, graded = response.json()["results"]
    assert completed["status"] == "completed"
    assert graded["status"] == "graded" and graded["passed"] is True and graded["score"] == "100.00"
    assert LessonCompletion.objects.filter(user=pack.learner).count() == 2  # the quiz completed its lesson too


def test_the_same_key_twice_grades_and_completes_once_with_the_same_result(client, pack):
    manifest = _manifest(client, pack)
    items = [_completion(pack), _quiz_item(pack, manifest)]
    first = _send(client, items).json()
    second = _send(client, items).json()
    assert first == second
    assert QuizAttempt.objects.filter(user=pack.learner).count() == 1
    assert LessonCompletion.objects.filter(user=pack.learner, lesson=pack.plain).count() == 1
    assert OutboxReceipt.objects.filter(user=pack.learner).count() == 2


def test_an_offline_answer_counts_only_while_an_attempt_is_left(client, pack):
    manifest = _manifest(client, pack)
    wrong = {q.id: [] for q in pack.questions.values()}
    results = _send(client, [_quiz_item(pack, manifest, wrong) for _n in range(3)]).json()["results"]
    assert [r["status"] for r in results] == ["graded", "graded", "refused"]
    assert "Ya usaste todos los intentos" in results[2]["message"]
    assert "no se calificaron" in results[2]["message"]
    assert QuizAttempt.objects.filter(user=pack.learner).count() == 2


def test_a_quiz_changed_since_the_download_is_refused_in_spanish(client, pack):
    manifest = _manifest(client, pack)
    choice = pack.questions["unica"].choices.first()
    choice.text = "Un plan de ingresos, gastos y ahorro"
    choice.save()
    result = _send(client, [_quiz_item(pack, manifest)]).json()["results"][0]
    assert result == {
        "key": result["key"],
        "kind": "quiz",
        "status": "refused",
        "message": "La evaluación cambió desde que la descargaste; tus respuestas no se calificaron. "
        "Vuelve a responderla.",
    }
    assert not QuizAttempt.objects.filter(user=pack.learner).exists()


def test_a_learner_whose_enrolment_ended_has_the_whole_outbox_refused(client, pack):
    manifest = _manifest(client, pack)
    enrolment_cancel(enrolment=Enrolment.objects.get(user=pack.learner), actor=pack.learner)
    response = _send(client, [_completion(pack), _quiz_item(pack, manifest)])
    assert response.status_code == 403
    assert "Tu inscripción en este curso terminó" in response.json()["message"]
    assert not LessonCompletion.objects.filter(user=pack.learner).exists()
    assert not OutboxReceipt.objects.exists()


def test_a_lesson_with_a_quiz_is_not_completed_by_the_button(client, pack):
    _manifest(client, pack)
    item = {**_completion(pack), "lesson": pack.quiz_lesson.id}
    assert _send(client, [item]).json()["results"][0]["status"] == "refused"


@pytest.mark.parametrize(
    "items",
    [
        [],
        [{"key": "no-es-uuid", "kind": "completion", "lesson": 1}],
        [{"key": str(uuid.uuid4()), "kind": "borrar", "lesson": 1}],
        [{"key": str(uuid.uuid4()), "kind": "quiz", "lesson": 1}],
        [{"key": str(uuid.uuid4()), "kind": "completion", "lesson": "1; DROP"}],
        [{"key": str(uuid.uuid4()), "kind": "quiz", "lesson": 1, "quiz": 1, "answers": {"1": {"x": 1}}}],
    ],
)
def test_a_malformed_outbox_writes_nothing(client, pack, items):
    _manifest(client, pack)
    good = _completion(pack)
    response = _send(client, [good, *items] if items else [])
    assert response.status_code == 400 and response.json()["message"]
    assert not LessonCompletion.objects.exists() and not OutboxReceipt.objects.exists()


def test_the_payload_is_bounded(client, pack):
    _manifest(client, pack)
    too_many = [_completion(pack) for _n in range(201)]
    response = _send(client, too_many)
    assert response.status_code == 400 and "máximo 200" in response.json()["message"]
    huge = {"items": [{**_completion(pack), "pack_version": "x" * 300 * 1024}]}
    response = client.post(SYNC, data=json.dumps(huge), content_type="application/json")
    assert response.status_code == 413
    assert not LessonCompletion.objects.exists()


def test_sync_needs_the_csrf_token(pack):
    client = Client(enforce_csrf_checks=True)
    client.force_login(pack.learner)
    assert _send(client, [_completion(pack)]).status_code == 403
    assert not LessonCompletion.objects.exists()


def test_another_learner_cannot_complete_in_a_course_she_is_not_in(client, pack):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="aprendiz"))
    assert _send(client, [_completion(pack)]).status_code == 403
    assert not LessonCompletion.objects.exists()


def test_a_receipt_key_is_per_learner(client, pack):
    from tests.factories import UserFactory
    from tests.lms.quizzes.conftest import enrol

    key = uuid.uuid4()
    _manifest(client, pack)
    _send(client, [_completion(pack, key)])
    other = UserFactory(role="aprendiz")
    enrol(other, pack.course)
    client.force_login(other)
    result = _send(client, [_completion(pack, key)]).json()["results"][0]
    assert result["status"] == "completed"
    assert LessonCompletion.objects.filter(user=other).count() == 1
