"""Writes of the H5P app: import a package (validated first, nothing left behind on failure), results."""

import hashlib
import logging
import shutil
import tempfile
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path
from typing import IO, cast

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms.courses.models import LessonCompletion
from lms.courses.selectors import course_of
from lms.courses.services import lesson_complete
from lms.grades.models import GradeItem
from lms.grades.services import grade_record
from lms.h5p.models import H5PActivity, H5PResult, H5PUserState, XAPIStatement
from lms.h5p.selectors import lesson_h5p_activity_ids, lesson_has_any_quiz
from lms.h5p.validation import CHUNK_BYTES, H5PPackageError, h5p_package_validate
from lms.h5p.xapi import RESULT_VERBS, is_top_level, score_of, verb_of

logger = logging.getLogger("semilla.h5p")


def h5p_root() -> Path:
    return Path(settings.H5P_ROOT)


def _sha256(upload: IO[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return digest.hexdigest(), size


def _extract(upload: IO[bytes], target: Path, names: list[str]) -> None:
    """Unpack the validated entries into a temporary folder beside target, then rename: target appears whole
    or not at all. Entries the validator ignores (names starting with . or _) are not written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target.parent))
    try:
        with zipfile.ZipFile(upload) as archive:
            for name in names:
                destination = staging / name
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(name) as source, destination.open("wb") as sink:
                    shutil.copyfileobj(source, sink, CHUNK_BYTES)
        staging.rename(target)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise H5PPackageError(_("El archivo no es un paquete H5P legible (no es un ZIP válido).")) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def h5p_package_import(*, upload: IO[bytes], user=None) -> tuple[H5PActivity, bool]:
    """Validate and store an .h5p upload. Returns (activity, created); the same file twice is reused.

    Raises H5PPackageError (Spanish reason) and then leaves no file and no row behind.
    """
    sha256, size = _sha256(upload)
    if size > settings.H5P_MAX_UPLOAD_BYTES:
        raise H5PPackageError(_("El paquete pesa más de %(mb)s MB.") % {"mb": settings.H5P_MAX_UPLOAD_BYTES // 2**20})
    existing = H5PActivity.objects.filter(sha256=sha256).first()
    if existing:
        return existing, False
    package = h5p_package_validate(upload)
    upload.seek(0)
    folder = h5p_root() / sha256
    if not folder.exists():
        _extract(upload, folder, package.files)
    try:
        with transaction.atomic():
            activity = H5PActivity.objects.create(
                title=package.title,
                main_library=package.main_library,
                language=package.language,
                sha256=sha256,
                size_bytes=size,
                uncompressed_bytes=package.uncompressed_bytes,
                metadata=package.metadata,
                uploaded_by=user,
            )
    except IntegrityError:
        # Another upload of the same file won the race: reuse it.
        return H5PActivity.objects.get(sha256=sha256), False
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    logger.info("H5P package %s imported as activity %s", sha256[:12], activity.pk)
    return activity, True


def _result_apply(result: H5PResult, *, verb: str, statement: dict) -> None:
    result_part = statement.get("result") or {}
    raw, maximum, scaled = score_of(statement)
    if verb in {"answered", "completed", "passed", "failed"}:
        result.attempts += 1
    if verb in {"completed", "passed", "failed"} or result_part.get("completion") is True:
        result.completed = True
    if verb == "passed" or result_part.get("success") is True:
        result.success = True
    elif verb == "failed" or result_part.get("success") is False:
        # With "best", a later failure does not undo an earlier pass.
        if result.success is not True or result.activity.grade_policy == H5PActivity.GradePolicy.LAST:
            result.success = False
    if scaled is not None:
        keep_best = result.activity.grade_policy == H5PActivity.GradePolicy.BEST
        if not (keep_best and result.scaled_score is not None and scaled < result.scaled_score):
            result.raw_score, result.max_score, result.scaled_score = raw, maximum, scaled


def h5p_statement_record(*, user, activity: H5PActivity, lesson, statement: dict) -> XAPIStatement:
    """Store an allowed statement; a top-level result updates the attempt record, the gradebook and completion.

    Preconditions (checked by the view): the statement is at most 64 KB, its verb is allowed, the token
    belongs to this learner, activity and lesson. The result, grade item and completion are those of
    this lesson and its course, even when the same package sits in other lessons or courses.
    Side effects: grade_record (reported by the browser) and lesson_complete when every H5P activity
    of a lesson without a quiz is completed in that lesson.
    """
    verb = cast(str, verb_of(statement))  # the view let only allowed verbs through
    top_level = is_top_level(statement)
    with transaction.atomic():
        stored = XAPIStatement.objects.create(
            user=user, activity=activity, lesson=lesson, verb=verb, top_level=top_level, statement=statement
        )
        if not (top_level and verb in RESULT_VERBS):
            return stored
        # Row lock: statements of one attempt arrive together (answered + completed).
        result, _created = H5PResult.objects.select_for_update().get_or_create(
            user=user, activity=activity, lesson=lesson
        )
        _result_apply(result, verb=verb, statement=statement)
        result.save()
    course = course_of(lesson)
    if result.scaled_score is not None:
        grade_record(
            user=user,
            course=course,
            lesson=lesson,
            source_kind="h5p",
            source_id=activity.pk,
            title=activity.title,
            score=(result.scaled_score * 100).quantize(Decimal("0.01")),
            reported_by=GradeItem.Reporter.BROWSER,
            policy=activity.grade_policy,
        )
    if result.completed:
        _lesson_complete_if_activities_done(user=user, lesson=lesson)
    return stored


def _lesson_complete_if_activities_done(*, user, lesson) -> None:
    if lesson_has_any_quiz(lesson=lesson):
        return  # the quiz decides, as the foundation's completion rules say
    ids = lesson_h5p_activity_ids(lesson=lesson)
    done = H5PResult.objects.filter(user=user, lesson=lesson, activity_id__in=ids, completed=True).count()
    if ids and done == len(set(ids)):
        lesson_complete(user=user, lesson=lesson, source=LessonCompletion.Source.ACTIVITY)


def h5p_state_save(*, user, activity: H5PActivity, lesson, data: str) -> H5PUserState:
    """Keep the learner's resume state of the activity in this lesson (the view bounds it to 64 KB)."""
    state, _created = H5PUserState.objects.update_or_create(
        user=user, activity=activity, lesson=lesson, defaults={"data": data}
    )
    return state
