"""`make bench`, offline packs: what the demo's largest module costs to carry, how big the offline code is,
how long an outbox of 50 quiz answers takes to sync in one request, and how fast a lesson opens from the pack
with the network off on a phone-sized Chromium.

Runs in-process against the configured database (the demo). The sync row runs inside a transaction that is
rolled back: the demo keeps no attempt, completion or receipt. The opening row starts Daphne on a loopback
port (as `make run` does), makes a bench learner enrolled in the module's course (deleted afterwards), and
drives headless Chromium at 360x740: sign in, mark the phone, download the pack, switch the network off,
then open the pack's lessons one after the other; each opening is the browser's own navigation time (start
to the end of the load event, Navigation Timing), the row shows the median. Budgets (issue 14): pack <= 1.5 MB
with light images; service worker + pack code <= 15 KB gzip; 50 answers sync in one request under 1 s; a
lesson opens from the pack offline in < 300 ms. Each row shows the load average (1 / 5 / 15 min) when it was
measured. Options: --openings N (default 9), --cpu-slowdown N (Chromium CPU throttling, default 1: none).
Prints a Markdown table; exit status 1 when a budget fails.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
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
OPEN_BUDGET_MS = 300
PHONE = {"width": 360, "height": 740}
CHROMIUM = os.environ.get("SEMILLA_CHROMIUM", "/usr/bin/chromium")
BENCH_PASSWORD = "bench-offline-" + uuid.uuid4().hex


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


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


def bench_learner(module: ModulePage) -> User:
    """A learner enrolled in the module's course, with the current consent accepted (committed: Daphne reads it).
    The caller deletes it; the enrolment, session and receipts go with it."""
    from django.utils import timezone

    from cms.accounts.models import ConsentVersion
    from cms.accounts.services import user_role_set
    from lms.courses.selectors import course_of

    user = User.objects.create_user(f"bench-offline-{uuid.uuid4().hex[:8]}", password=BENCH_PASSWORD)
    user_role_set(user=user, role="aprendiz")
    user.consent_version = ConsentVersion.objects.first()
    user.consent_accepted_at = timezone.now()
    user.save(update_fields=["consent_version", "consent_accepted_at"])
    Enrolment.objects.create(user=user, course=course_of(module), status=Enrolment.Status.ACTIVE)
    return user


def _download_pack(page, base: str, username: str, module_url: str) -> None:
    page.goto(f"{base}/cuenta/entrar/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", BENCH_PASSWORD)
    with page.expect_navigation():
        page.click("form:has(input[name=password]) button[type=submit]")
    page.goto(f"{base}{module_url}")
    page.click("[data-offline-download]")
    page.wait_for_function(
        "() => /guardados en tu teléfono/.test(document.querySelector('[data-offline-download] ~ [role=status]')"
        "?.textContent || '')",
        timeout=120_000,
    )
    page.goto(f"{base}/aprender/mis-descargas/")
    page.wait_for_function("navigator.serviceWorker.controller !== null || location.reload()", timeout=60_000)


def open_offline_ms(module: ModulePage, *, openings: int, slowdown: float) -> list[float] | str:
    """Milliseconds of each opening of a lesson from the pack, offline; a reason (str) when it cannot be run."""
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (make chromium)"
    from loadlib import start_embedded, stop
    from playwright.sync_api import sync_playwright

    lessons = [r.url for r in pack_for(module=module).resources if r.kind == "lesson"]
    user = bench_learner(module)
    username, module_url = user.username, module.url  # the ORM is not called inside Playwright's event loop
    log = tempfile.NamedTemporaryFile("w+", prefix="semilla-offline-daphne-", suffix=".log", delete=False)
    daphne, base = start_embedded(log)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            context = browser.new_context(
                viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, locale="es-EC"
            )
            context.add_cookies([{"name": "semilla_mi_telefono", "value": "1", "url": base}])  # "Este es mi teléfono"
            page = context.new_page()
            _download_pack(page, base, username, module_url)
            if slowdown > 1:
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
            context.set_offline(True)
            timings = []
            for n in range(openings):
                page.goto(f"{base}{lessons[n % len(lessons)]}")
                page.wait_for_function("performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
                if not page.evaluate("() => !!document.querySelector('[data-offline-lesson] h1')"):
                    return "a lesson did not open from the pack"
                timings.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
            browser.close()
        return timings
    finally:
        stop(daphne)
        user.delete()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--openings", type=int, default=9)
    parser.add_argument("--cpu-slowdown", type=float, default=1.0)
    args = parser.parse_args()
    module = largest_module()
    rows, ok = [], True
    if module is None:
        print("No live module: load the demo first (make setup).")
        return 1
    pack = pack_for(module=module)
    size_ok = pack.total_bytes <= 1.5 * MB
    images = sum(1 for r in pack.resources if r.kind == "image")
    rows.append(
        (
            f"Pack of «{module.title}» ({len(pack.resources)} files, {images} light images)",
            f"{pack.total_bytes / MB:.2f} MB",
            "<= 1.5 MB",
            size_ok,
            load_average(),
        )
    )
    js = js_gzip_bytes()
    rows.append(
        ("Service worker + pack code (gzip)", f"{js / 1024:.1f} KB", "<= 15 KB", js <= 15 * 1024, load_average())
    )
    timed = sync_seconds(module)
    if timed is not None:
        seconds, graded = timed
        rows.append(
            (
                f"Outbox of 50 answers, one request ({graded} graded)",
                f"{seconds:.2f} s",
                "< 1 s",
                seconds < 1,
                load_average(),
            )
        )
    opened = open_offline_ms(module, openings=args.openings, slowdown=args.cpu_slowdown)
    label = "abrir una lección desde el paquete, sin conexión (Chromium 360x740"
    label += f", CPU /{args.cpu_slowdown:g})" if args.cpu_slowdown > 1 else ")"
    if isinstance(opened, str):
        rows.append((f"{label}: {opened}", "not measured", f"< {OPEN_BUDGET_MS} ms", False, load_average()))
    else:
        median = statistics.median(opened)
        rows.append(
            (
                f"{label}, median of {len(opened)} openings (max {max(opened):.0f} ms)",
                f"{median:.0f} ms",
                f"< {OPEN_BUDGET_MS} ms",
                median < OPEN_BUDGET_MS,
                load_average(),
            )
        )
    print("| Offline | Measured | Budget | Load average (1 / 5 / 15 min) | |\n|---|---|---|---|---|")
    for label, value, budget, passed, load in rows:
        ok = ok and passed
        print(f"| {label} | {value} | {budget} | {load} | {'PASS' if passed else 'FAIL'} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
