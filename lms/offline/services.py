"""Writes of the offline app: the outbox a device sends back (completions and quiz answers), once per key."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from lms.courses.models import Enrolment, LessonPage
from lms.courses.selectors import course_of, lesson_progress_for
from lms.courses.services import lesson_complete
from lms.offline.models import OutboxReceipt
from lms.offline.selectors import quiz_content_hash, quizzes_with_questions
from lms.quizzes.models import Quiz
from lms.quizzes.selectors import lesson_holds_quiz
from lms.quizzes.services import InvalidAnswers, QuizError, quiz_attempt_start, quiz_attempt_submit

MAX_BODY_BYTES = 256 * 1024
MAX_ITEMS = 200
MAX_ANSWERS = 200
MAX_TEXT = 500


class OutboxInvalid(Exception):
    """The outbox is malformed: nothing was written. message is for the learner (Spanish)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class EnrolmentEnded(Exception):
    """An item belongs to a course where the person no longer has an active enrolment: nothing was written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class OutboxItem:
    key: uuid.UUID
    kind: str  # completion or quiz
    lesson_id: int
    quiz_id: int | None
    answers: dict[int, list[int] | str]
    pack_version: str
    quiz_hash: str
    answered_at: datetime | None


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63 else None


def _answers(raw) -> dict[int, list[int] | str] | None:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or len(raw) > MAX_ANSWERS:
        return None
    answers: dict[int, list[int] | str] = {}
    for key, value in raw.items():
        if not str(key).isdigit() or len(str(key)) > 19:
            return None
        if isinstance(value, str) and len(value) <= MAX_TEXT:
            answers[int(key)] = value
        elif isinstance(value, list) and len(value) <= 50 and all(_int(v) for v in value):
            answers[int(key)] = value
        else:
            return None
    return answers


def _item(raw) -> OutboxItem | None:
    if not isinstance(raw, dict):
        return None
    try:
        key = uuid.UUID(str(raw.get("key", "")))
    except ValueError:
        return None
    kind, lesson_id, quiz_id = raw.get("kind"), _int(raw.get("lesson")), _int(raw.get("quiz"))
    answers = _answers(raw.get("answers"))
    answered_at = parse_datetime(raw["answered_at"]) if isinstance(raw.get("answered_at"), str) else None
    version, quiz_hash = raw.get("pack_version", ""), raw.get("quiz_hash", "")
    if kind not in ("completion", "quiz") or lesson_id is None or answers is None:
        return None
    if kind == "quiz" and quiz_id is None:
        return None
    if not isinstance(version, str) or not isinstance(quiz_hash, str) or len(version) > 64 or len(quiz_hash) > 64:
        return None
    return OutboxItem(key, kind, lesson_id, quiz_id, answers, version, quiz_hash, answered_at)


def outbox_parse(payload) -> list[OutboxItem]:
    """Check the whole outbox's shape before anything is written. Raises OutboxInvalid."""
    items = payload.get("items") if isinstance(payload, dict) else None
    if not isinstance(items, list) or not items:
        raise OutboxInvalid(_("No llegó nada para enviar."))
    if len(items) > MAX_ITEMS:
        raise OutboxInvalid(
            _("Son demasiadas respuestas de una vez (máximo %(max)s). Envíalas en partes.") % {"max": MAX_ITEMS}
        )
    parsed = [_item(raw) for raw in items]
    if any(item is None for item in parsed):
        raise OutboxInvalid(_("Algunas respuestas guardadas están dañadas. Vuelve a responderlas con conexión."))
    return [item for item in parsed if item is not None]


def _check_enrolments(*, user, lessons: dict[int, LessonPage]) -> None:
    course_ids = {course_of(lesson).pk for lesson in lessons.values()}
    active = set(
        Enrolment.objects.filter(user=user, course_id__in=course_ids, status=Enrolment.Status.ACTIVE).values_list(
            "course_id", flat=True
        )
    )
    if course_ids - active:
        raise EnrolmentEnded(
            _(
                "Tu inscripción en este curso terminó, así que no podemos recibir lo que hiciste sin conexión. "
                "Habla con tu coordinadora si crees que es un error."
            )
        )


def outbox_sync(*, user, items: list[OutboxItem]) -> list[dict]:
    """Apply a parsed outbox, item by item, each in its own transaction with its receipt.

    Preconditions: items come from outbox_parse. Raises EnrolmentEnded (and writes nothing) when an item's
    course has no active enrolment of the person. A key already received returns its stored result: a retried
    send never completes or grades twice. Side effects: lesson completions, quiz attempts and grades.
    """
    lessons = LessonPage.objects.live().in_bulk({item.lesson_id for item in items})
    _check_enrolments(user=user, lessons=lessons)
    return [_apply_once(user=user, item=item, lesson=lessons.get(item.lesson_id)) for item in items]


def _apply_once(*, user, item: OutboxItem, lesson: LessonPage | None) -> dict:
    known = OutboxReceipt.objects.filter(user=user, key=item.key).first()
    if known is not None:
        return known.result
    try:
        with transaction.atomic():
            # The receipt is written first: a second send racing this one waits on (or fails) its unique key
            # instead of grading the same answers again.
            receipt = OutboxReceipt.objects.create(user=user, key=item.key, kind=item.kind)
            result = {"key": str(item.key), "kind": item.kind, **_apply(user=user, item=item, lesson=lesson)}
            receipt.result = result
            receipt.save(update_fields=["result"])
    except IntegrityError:
        return OutboxReceipt.objects.get(user=user, key=item.key).result
    return result


def _refused(message: str) -> dict:
    return {"status": "refused", "message": message}


def _apply(*, user, item: OutboxItem, lesson: LessonPage | None) -> dict:
    if lesson is None:
        return _refused(_("Esta lección ya no existe. Lo que hiciste en ella no se guardó."))
    progress = lesson_progress_for(user=user, lesson=lesson)
    module = progress.module_for(lesson.id)
    if module is not None and module.locked:
        return _refused(module.locked_reason)
    if item.kind == "completion":
        return _complete(user=user, lesson=lesson)
    return _grade(user=user, item=item, lesson=lesson)


def _complete(*, user, lesson: LessonPage) -> dict:
    if lesson.has_quiz:
        return _refused(_("Esta lección se completa al aprobar su cuestionario."))
    lesson_complete(user=user, lesson=lesson)
    return {
        "status": "completed",
        "lesson": lesson.id,
        "message": _("Lección completada: «%(title)s».") % {"title": lesson.title},
    }


def _grade(*, user, item: OutboxItem, lesson: LessonPage) -> dict:
    quiz = Quiz.objects.filter(pk=item.quiz_id).first()
    if quiz is None or not lesson_holds_quiz(lesson=lesson, quiz=quiz):
        return _refused(_("Este cuestionario ya no está en la lección. Tus respuestas no se calificaron."))
    _quiz, questions = quizzes_with_questions({quiz.id})[quiz.id]
    if quiz_content_hash(quiz=quiz, questions=questions) != item.quiz_hash:
        return _refused(
            _("La evaluación cambió desde que la descargaste; tus respuestas no se calificaron. Vuelve a responderla.")
        )
    try:
        attempt = quiz_attempt_start(user=user, quiz=quiz, lesson=lesson)
        attempt = quiz_attempt_submit(attempt=attempt, answers=item.answers)
    except InvalidAnswers:
        return _refused(_("Algunas respuestas no se pudieron leer. Abre el cuestionario con conexión y revísalas."))
    except QuizError as error:
        return _refused(_("%(reason)s Tus respuestas sin conexión no se calificaron.") % {"reason": str(error.message)})
    return {
        "status": "graded",
        "quiz": quiz.id,
        "attempt": attempt.id,
        "score": str(attempt.score),
        "passed": attempt.passed,
        "message": _("«%(title)s»: obtuviste %(score)s %%.") % {"title": quiz.title, "score": attempt.score},
    }
