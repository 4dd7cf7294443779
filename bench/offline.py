"""`make bench`, offline packs: what the demo's largest module costs to carry, how big the offline code is, and
how long an outbox of 50 quiz answers takes to sync in one request.

Runs in-process against the configured database (the demo). The sync row runs inside a transaction that is
rolled back: the demo keeps no attempt, completion or receipt. Budgets (issue 14): pack <= 1.5 MB with light
images; service worker + pack code <= 15 KB gzip; 50 answers sync in one request under 1 s.
Prints a Markdown table; exit status 1 when a budget fails.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from cms.accounts.models import User  # noqa: E402
from lms.courses.models import Enrolment, LessonPage, ModulePage  # noqa: E402
from lms.offline.selectors import pack_for, quiz_content_hash, quizzes_with_questions  # noqa: E402

MB = 1024 * 1024
JS = ("offline-sw.js", "offline.js", "csrf.js")


def largest_module() -> ModulePage | None:
    """The live module with the most live lessons (lessons sit one level below their module)."""
    modules = dict(ModulePage.objects.live().values_list("path", "id"))
    counts: dict[int, int] = {}
    for path in LessonPage.objects.live().values_list("path", flat=True):
        module_id = modules.get(path[: -LessonPage.steplen])
        if module_id is not None:
            counts[module_id] = counts.get(module_id, 0) + 1
    best = max(counts, key=lambda k: counts[k], default=None)
    return ModulePage.objects.get(pk=best) if best else None


def js_gzip_bytes() -> int:
    return sum(len(gzip.compress((ROOT / "cms/static/semilla" / name).read_bytes(), 9)) for name in JS)


def sync_seconds(module: ModulePage) -> tuple[float, int] | None:
    """Time of one sync request with 50 quiz answers (rolled back). None when the module has no quiz."""
    pack = pack_for(module=module)
    if not pack.quizzes:
        return None
    from lms.courses.selectors import course_of

    course = course_of(module)
    quiz_info = pack.quizzes[0]
    quiz, questions = quizzes_with_questions({quiz_info.id})[quiz_info.id]
    with transaction.atomic():
        user = User.objects.create(username=f"bench-offline-{uuid.uuid4().hex[:8]}")
        Enrolment.objects.create(user=user, course=course, status=Enrolment.Status.ACTIVE)
        quiz.max_attempts = 0
        quiz.save(update_fields=["max_attempts"])
        answers = {str(q.id): [c.id for c in q.choices.all()][:1] or "1" for q in questions}
        items = [
            {
                "key": str(uuid.uuid4()),
                "kind": "quiz",
                "lesson": quiz_info.lesson_id,
                "quiz": quiz.id,
                "quiz_hash": quiz_content_hash(quiz=quiz, questions=questions),
                "pack_version": pack.version,
                "answers": answers,
            }
            for _n in range(50)
        ]
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        start = time.perf_counter()
        response = client.post(
            "/aprender/paquetes/sincronizar/", data=json.dumps({"items": items}), content_type="application/json"
        )
        elapsed = time.perf_counter() - start
        graded = sum(1 for r in response.json().get("results", []) if r.get("status") == "graded")
        transaction.set_rollback(True)
    return elapsed, graded


def main() -> int:
    module = largest_module()
    rows, ok = [], True
    if module is None:
        print("No live module: load the demo first (make setup).")
        return 1
    pack = pack_for(module=module)
    size_ok = pack.total_bytes <= 1.5 * MB
    rows.append(
        (
            f"Pack of «{module.title}» ({len(pack.resources)} files)",
            f"{pack.total_bytes / MB:.2f} MB",
            "<= 1.5 MB",
            size_ok,
        )
    )
    js = js_gzip_bytes()
    rows.append(("Service worker + pack code (gzip)", f"{js / 1024:.1f} KB", "<= 15 KB", js <= 15 * 1024))
    timed = sync_seconds(module)
    if timed is not None:
        seconds, graded = timed
        rows.append((f"Outbox of 50 answers, one request ({graded} graded)", f"{seconds:.2f} s", "< 1 s", seconds < 1))
    print("| Offline | Measured | Budget | |\n|---|---|---|---|")
    for label, value, budget, passed in rows:
        ok = ok and passed
        print(f"| {label} | {value} | {budget} | {'PASS' if passed else 'FAIL'} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
