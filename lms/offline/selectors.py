"""Reads of the offline app: who may carry a module, what its pack holds, and the signed manifest.

A pack is a module's live lessons (an offline rendering of each), the site's stylesheet, the lessons' images
at a light size and the quizzes as JSON without their answers. Every resource has its size and SHA-256; the
pack's version is the hash of all of them, so a changed lesson or quiz makes a new version and the device
downloads only the resources whose hash changed. Query counts do not grow with the number of lessons.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core import signing
from django.core.cache import cache
from django.db.models import Count, Prefetch
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from cms.blocks import sanitize_html
from lms.courses.models import CoursePage, LessonPage, ModulePage
from lms.courses.selectors import CourseProgress, lesson_progress_for
from lms.quizzes.models import Choice, Question, Quiz, QuizAttempt, QuizQuestion

SIGNING_SALT = "semilla.offline.pack"
MB = 1024 * 1024
STYLESHEET = "semilla/semilla.css"
SCRIPTS = ("semilla/csrf.js", "semilla/offline.js")


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str  # lesson, css, image, quiz, h5p
    size: int
    sha256: str


@dataclass(frozen=True)
class PackQuiz:
    id: int
    lesson_id: int
    content_hash: str
    max_attempts: int


@dataclass(frozen=True)
class Pack:
    module: ModulePage
    resources: tuple[Resource, ...]
    quizzes: tuple[PackQuiz, ...]
    version: str

    @property
    def total_bytes(self) -> int:
        return sum(r.size for r in self.resources)

    @property
    def cost_usd(self) -> Decimal:
        return pack_cost_usd(self.total_bytes)


def client_strings() -> dict[str, str]:
    """What offline.js says, in Spanish through gettext (the page hands it over with json_script)."""
    return {
        "gone": _("Este módulo ya no está disponible para ti."),
        "invalid": _("El paquete no es válido. No se guardó nada."),
        "damaged": _("Un archivo llegó dañado. Intenta de nuevo."),
        "updated": _("Paquete actualizado: se descargaron %(done)s de %(total)s."),
        "saved": _("Listo: %(total)s guardados en tu teléfono."),
        "queued": _("Guardado en tu teléfono. Se enviará cuando tengas conexión."),
        "no_attempts": _("Ya usaste todos los intentos de este cuestionario."),
        "send_answers": _("Guardar mis respuestas"),
        "lesson": _("Lección %(number)s"),
        "remove": _("Quitar"),
        "logout_unsent": _(
            "Tienes respuestas que todavía no se enviaron. Conéctate a internet antes de salir para enviarlas; "
            "mientras tanto siguen guardadas en este teléfono."
        ),
    }


def pack_cost_usd(total_bytes: int) -> Decimal:
    """Estimated prepaid-data cost in USD (two decimals, at least one cent for a non-empty pack)."""
    price = Decimal(str(settings.SEMILLA_PRICE_PER_MB_USD))
    cost = (Decimal(total_bytes) / MB * price).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return max(cost, Decimal("0.01")) if total_bytes else Decimal("0.00")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Who may carry a pack ----------------------------------------------------------------------


def module_for_learner(*, request, module_id: int) -> tuple[ModulePage, CourseProgress] | None:
    """The live module and the learner's progress when she is an active learner of its course, the module is
    not locked for her and Wagtail's privacy lets her see it; None otherwise (the views answer 404)."""
    user = request.user
    if not user.is_authenticated:
        return None
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        return None
    try:
        progress = lesson_progress_for(user=user, lesson=module)
    except CoursePage.DoesNotExist:  # the course above was unpublished
        return None
    if not progress.is_active:
        return None
    current = next((m for m in progress.modules if m.module.id == module.id), None)
    if current is None or current.locked:
        return None
    if any(not restriction.accept_request(request) for restriction in module.get_view_restrictions()):
        return None
    return module, progress


# --- What a pack holds ---------------------------------------------------------------------------


def quiz_public_data(*, quiz: Quiz, questions: list[Question]) -> dict:
    """A quiz as the device may hold it: prompts and options, never which option is right, the accepted
    answers, the numeric answer, feedback or explanations (grading stays on the server)."""
    return {
        "id": quiz.id,
        "title": quiz.title,
        "kind": quiz.kind,
        "pass_mark": quiz.pass_mark,
        "max_attempts": quiz.max_attempts,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "prompt": q.prompt,
                "choices": [{"id": c.id, "text": c.text} for c in q.choices.all()],
            }
            for q in questions
        ],
    }


def quiz_json_bytes(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def quiz_content_hash(*, quiz: Quiz, questions: list[Question]) -> str:
    """Hash of everything that grading depends on (answers included), so any change on the server shows."""
    data = quiz_public_data(quiz=quiz, questions=questions)
    data["grading"] = [
        [q.id, q.accepted_answers, str(q.numeric_answer), str(q.tolerance), [c.is_correct for c in q.choices.all()]]
        for q in questions
    ]
    return _sha(quiz_json_bytes(data))


def quizzes_with_questions(quiz_ids: set[int]) -> dict[int, tuple[Quiz, list[Question]]]:
    """Quizzes with their questions and options in order: three queries whatever their number."""
    quizzes = Quiz.objects.filter(pk__in=quiz_ids).prefetch_related(
        Prefetch(
            "quiz_questions",
            queryset=QuizQuestion.objects.order_by("sort_order", "id").select_related("question"),
        ),
        Prefetch("quiz_questions__question__choices", queryset=Choice.objects.order_by("sort_order", "id")),
    )
    return {quiz.id: (quiz, [link.question for link in quiz.quiz_questions.all()]) for quiz in quizzes}


def _lessons(module: ModulePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().child_of(module).order_by("path"))


def _blocks_of(lesson: LessonPage) -> list[dict]:
    return [b for b in lesson.body.raw_data if isinstance(b, dict)]


def static_file(name: str) -> tuple[str, bytes]:
    """URL and bytes of a static file: the collected (hashed) copy when there is one, else the source."""
    try:
        url = staticfiles_storage.url(name)
        stored = staticfiles_storage.stored_name(name)  # type: ignore[attr-defined]  # ManifestStaticFilesStorage
        with staticfiles_storage.open(stored) as handle:
            return url, handle.read()
    except (ValueError, OSError):
        path = finders.find(name)
        if not isinstance(path, str):
            raise
        with open(path, "rb") as handle:
            return static(name), handle.read()


def _file_resource(*, url: str, kind: str, storage_name: str, read) -> Resource:
    """Size and hash of a stored file, cached by name: renditions and collected static files never change
    under the same name."""
    key = f"offline:file:{storage_name}"
    known = cache.get(key)
    if known is None:
        data = read()
        known = (len(data), _sha(data))
        cache.set(key, known, 24 * 60 * 60)
    return Resource(url=url, kind=kind, size=known[0], sha256=known[1])


def light_renditions(lessons: list[LessonPage]) -> dict[int, Any]:
    """The light rendition of every image of the lessons: two queries (images and their renditions)."""
    ids = {
        b["value"].get("image")
        for lesson in lessons
        for b in _blocks_of(lesson)
        if b.get("type") == "image" and isinstance(b.get("value"), dict)
    }
    ids.discard(None)
    if not ids:
        return {}
    spec = settings.SEMILLA_OFFLINE_IMAGE_SPEC
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(spec)
    return {image.id: image.get_rendition(spec) for image in images}


def _block_html(block: dict, renditions: dict, h5p: bool) -> str:
    kind, value = block.get("type"), block.get("value")
    if kind == "text" and isinstance(value, str):
        return sanitize_html(expand_db_html(value))
    if kind == "image" and isinstance(value, dict):
        rendition = renditions.get(value.get("image"))
        if rendition is None:
            return ""
        caption = f"<figcaption>{escape(value.get('caption', ''))}</figcaption>" if value.get("caption") else ""
        return (
            f'<figure class="block-image"><img src="{escape(rendition.url)}" alt="{escape(value.get("alt", ""))}" '
            f'width="{rendition.width}" height="{rendition.height}">{caption}</figure>'
        )
    if kind == "quiz" and isinstance(value, dict) and value.get("quiz"):
        intro = f"<p>{escape(value.get('intro') or '')}</p>" if value.get("intro") else ""
        return f'<section class="card" data-offline-quiz="{int(value["quiz"])}">{intro}</section>'
    if kind == "h5p" and isinstance(value, dict) and h5p:
        return f'<section class="card" data-offline-h5p="{int(value.get("activity") or 0)}"></section>'
    return '<p class="notice">' + escape(_("Esta parte de la lección se ve solo con conexión.")) + "</p>"


def lesson_offline_html(*, module: ModulePage, lesson: LessonPage, renditions: dict, h5p: bool = False) -> bytes:
    """The lesson as the pack carries it: the same for every learner (no token, no name), so its hash is stable."""
    body = mark_safe("\n".join(_block_html(b, renditions, h5p) for b in _blocks_of(lesson)))
    html = render_to_string(
        "offline/lesson.html",
        {
            "module": module,
            "lesson": lesson,
            "body": body,
            "stylesheet": static_file(STYLESHEET)[0],
            "scripts": [static_file(name)[0] for name in SCRIPTS],
            "offline_strings": client_strings(),
        },
    )
    return html.encode()


def _h5p_resources(lessons: list[LessonPage]) -> list[Resource]:
    """H5P activities, only when the learner asks: each with its package size (they play from their own origin,
    so the device keeps the link that opens them and the size tells her what it costs)."""
    from lms.h5p.models import H5PActivity

    lesson_of = {
        int(b["value"]["activity"]): lesson.id
        for lesson in lessons
        for b in _blocks_of(lesson)
        if b.get("type") == "h5p" and isinstance(b.get("value"), dict) and b["value"].get("activity")
    }
    activities = H5PActivity.objects.filter(pk__in=lesson_of).order_by("pk") if lesson_of else []
    return [
        Resource(
            url=reverse("h5p:open", kwargs={"activity_id": a.id, "lesson_id": lesson_of[a.id]}),
            kind="h5p",
            size=a.size_bytes,
            sha256=a.sha256,
        )
        for a in activities
    ]


def pack_for(*, module: ModulePage, h5p: bool = False) -> Pack:
    """Build the module's pack (same for every learner). Queries: lessons, images + renditions, quizzes (3),
    H5P activities when asked: constant in the number of lessons."""
    lessons = _lessons(module)
    renditions = light_renditions(lessons)
    resources: list[Resource] = []
    css_url, _css = static_file(STYLESHEET)
    resources.append(
        _file_resource(url=css_url, kind="css", storage_name=css_url, read=lambda: static_file(STYLESHEET)[1])
    )
    for name in SCRIPTS:
        js_url, _js = static_file(name)
        resources.append(
            _file_resource(url=js_url, kind="js", storage_name=js_url, read=lambda n=name: static_file(n)[1])
        )
    for lesson in lessons:
        html = lesson_offline_html(module=module, lesson=lesson, renditions=renditions, h5p=h5p)
        url = reverse("offline:lesson", kwargs={"module_id": module.id, "lesson_id": lesson.id})
        resources.append(Resource(url=url, kind="lesson", size=len(html), sha256=_sha(html)))
    for rendition in sorted(renditions.values(), key=lambda r: r.file.name):
        resources.append(
            _file_resource(
                url=rendition.url,
                kind="image",
                storage_name=rendition.file.name,
                read=lambda r=rendition: _read(r.file),
            )
        )
    quiz_lessons = {
        int(b["value"]["quiz"]): lesson.id
        for lesson in lessons
        for b in _blocks_of(lesson)
        if b.get("type") == "quiz" and isinstance(b.get("value"), dict) and b["value"].get("quiz")
    }
    quizzes = quizzes_with_questions(set(quiz_lessons))
    pack_quizzes = []
    for quiz_id in sorted(quizzes):
        quiz, questions = quizzes[quiz_id]
        data = quiz_json_bytes(quiz_public_data(quiz=quiz, questions=questions))
        url = reverse("offline:quiz", kwargs={"module_id": module.id, "quiz_id": quiz.id})
        resources.append(Resource(url=url, kind="quiz", size=len(data), sha256=_sha(data)))
        pack_quizzes.append(
            PackQuiz(
                id=quiz.id,
                lesson_id=quiz_lessons[quiz_id],
                content_hash=quiz_content_hash(quiz=quiz, questions=questions),
                max_attempts=quiz.max_attempts,
            )
        )
    if h5p:
        resources.extend(_h5p_resources(lessons))
    version = _sha(
        quiz_json_bytes(
            {
                "module": module.id,
                "resources": [[r.url, r.sha256, r.size] for r in resources],
                "quizzes": [[q.id, q.content_hash] for q in pack_quizzes],
            }
        )
    )
    return Pack(module=module, resources=tuple(resources), quizzes=tuple(pack_quizzes), version=version)


def _read(field) -> bytes:
    field.open("rb")
    try:
        return field.read()
    finally:
        field.close()


# --- The signed manifest -------------------------------------------------------------------------


def _signature(*, user_id: int, module_id: int, version: str) -> str:
    return signing.Signer(salt=SIGNING_SALT).signature(f"{user_id}:{module_id}:{version}")


def manifest_for(*, user, pack: Pack, progress: CourseProgress) -> dict:
    """The manifest the device downloads: resources with sizes and hashes, the version, the cost, how many
    attempts she has left per quiz, and an HMAC bound to her and to this version."""
    used = dict(
        QuizAttempt.objects.filter(user=user, quiz_id__in=[q.id for q in pack.quizzes])
        .values_list("quiz_id")
        .annotate(n=Count("id"))
        .values_list("quiz_id", "n")
    )
    manifest = {
        "module": pack.module.id,
        "title": pack.module.title,
        "course": progress.course.pk,
        "version": pack.version,
        "total_bytes": pack.total_bytes,
        "cost_usd": str(pack.cost_usd),
        "resources": [{"url": r.url, "kind": r.kind, "size": r.size, "sha256": r.sha256} for r in pack.resources],
        "quizzes": [
            {
                "id": q.id,
                "lesson": q.lesson_id,
                "hash": q.content_hash,
                "attempts_left": None if not q.max_attempts else max(q.max_attempts - used.get(q.id, 0), 0),
            }
            for q in pack.quizzes
        ],
    }
    manifest["signature"] = _signature(user_id=user.id, module_id=pack.module.id, version=pack.version)
    return manifest


def manifest_is_authentic(*, user, manifest: dict, pack: Pack) -> bool:
    """True when the manifest was signed for this person, is the pack's current version, and lists exactly the
    pack's resources (an altered URL, size or hash fails)."""
    try:
        expected = _signature(user_id=user.id, module_id=pack.module.id, version=str(manifest["version"]))
        listed = [[r["url"], r["sha256"], r["size"]] for r in manifest["resources"]]
    except (KeyError, TypeError):
        return False
    if not constant_time_compare(expected, str(manifest.get("signature", ""))):
        return False
    return manifest["version"] == pack.version and listed == [[r.url, r.sha256, r.size] for r in pack.resources]


def pack_version_signed(*, user, module_id: int, version: str, signature: str) -> bool:
    """True when a device's pack version carries the signature the server gave this person for it."""
    expected = _signature(user_id=user.id, module_id=module_id, version=version)
    return constant_time_compare(expected, signature)


def cached_pack_summary(*, module: ModulePage) -> tuple[int, Decimal, str]:
    """Size, cost and version of a module's pack for the download offer, cached per page-tree version."""
    from cms.page_cache import tree_version

    key = f"offline:summary:{tree_version()}:{module.id}"
    summary = cache.get(key)
    if summary is None:
        pack = pack_for(module=module)
        summary = (pack.total_bytes, pack.cost_usd, pack.version)
        cache.set(key, summary, 60 * 60)
    return summary
