"""`make bench`: what the home, course and lesson pages cost a learner on slow, paid data, and how fast
the lesson page is served next to a do-nothing view under the same load.

Part 1 runs in-process with django.test.Client as the logged-in demo learner: gzip bytes of the HTML and
of every same-origin stylesheet, script, icon and image it references (first visit), what a second visit
downloads again (the HTML plus any static file not cacheable for at least a day), requests, JS bytes
and SQL queries (a warm request, counted with CaptureQueriesContext). Content images and media under
MEDIA_URL are reported apart, as the budget says.

Part 1b measures the server's CPU time per lesson view in the same process: time.process_time over
batches of views with the test client after a warm-up, the median of the batches (budget: 8 ms), and the
do-nothing view the same way for reference. The machine's load average is printed beside each figure.

Part 2 starts Daphne on a free loopback port with SEMILLA_BENCH=1 (which mounts /bench/trivial), and
hits the authenticated lesson page and the trivial view with the same concurrency. Only loopback traffic.

Budgets are printed as PASS/FAIL; the exit status is 1 when one fails. Options: --requests, --concurrency,
--cpu-views, --cpu-batches,
--output FILE (also write the Markdown there), --build-if-empty (build a small course with
tests.factories.build_course when no lesson is published: for a scratch DB, e.g. SQLITE_NAME=bench.sqlite3).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ["SEMILLA_BENCH"] = "1"

import django  # noqa: E402

django.setup()

import httpx  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from cms.accounts.models import User  # noqa: E402
from lms.courses.models import CoursePage, Enrolment, LessonPage  # noqa: E402

HOST = "127.0.0.1"
LOAD_AT_START = os.getloadavg()
DEMO_USERNAME = "aprendiz"
BENCH_USERNAME = "bench-aprendiz"
ONE_DAY = 86_400
KB = 1024

BUDGET_FIRST_VISIT = 60 * KB
BUDGET_JS = 15 * KB
BUDGET_REPEAT_VISIT = 15 * KB
BUDGET_QUERIES = 12
BUDGET_RPS_RATIO = 0.3
BUDGET_CPU_MS = 8.0  # server CPU per lesson view (issue 17)


# --- Part 1: bytes, requests and queries ----------------------------------------------------


class AssetParser(HTMLParser):
    """Collects what a browser would fetch on load: stylesheets, icons, preloads, scripts, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []  # (kind, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        rel = a.get("rel", "").lower().split()
        if tag == "link" and a.get("href") and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
            self.urls.append(("css" if "stylesheet" in rel else "other", a["href"]))
        elif tag == "script" and a.get("src"):
            self.urls.append(("js", a["src"]))
        elif tag == "img" and a.get("src"):
            self.urls.append(("img", a["src"]))


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass
class Asset:
    url: str
    kind: str
    wire_bytes: int
    cacheable: bool
    content: bool  # under MEDIA_URL: content images and media, outside the budget


@dataclass
class PageCost:
    name: str
    url: str
    html_bytes: int
    queries: int
    status: int = 200
    assets: list[Asset] = field(default_factory=list)

    @property
    def budgeted(self) -> list[Asset]:
        return [a for a in self.assets if not a.content]

    @property
    def first_visit(self) -> int:
        return self.html_bytes + sum(a.wire_bytes for a in self.budgeted)

    @property
    def repeat_visit(self) -> int:
        return self.html_bytes + sum(a.wire_bytes for a in self.budgeted if not a.cacheable)

    @property
    def requests(self) -> int:
        return 1 + len(self.assets)

    @property
    def js_bytes(self) -> int:
        return sum(a.wire_bytes for a in self.assets if a.kind == "js")

    @property
    def content_bytes(self) -> int:
        return sum(a.wire_bytes for a in self.assets if a.content)


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def decoded(response, raw: bytes) -> str:
    if response.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", errors="replace")


def max_age(response) -> int:
    match = re.search(r"max-age=(\d+)", response.get("Cache-Control", ""))
    return int(match.group(1)) if match else 0


def same_origin_path(base: str, url: str) -> str | None:
    parts = urlsplit(urljoin(base, url))
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", HOST, "testserver"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def fetch(client: Client, path: str):
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    return response, body_of(response)


def measure_page(client: Client, name: str, path: str) -> PageCost:
    fetch(client, path)  # warm-up: caches filled, sessions created; the budget is for steady state
    with CaptureQueriesContext(connection) as queries:
        response, raw = fetch(client, path)
    cost = PageCost(name=name, url=path, html_bytes=len(raw), queries=len(queries), status=response.status_code)
    if response.status_code != 200:
        print(f"{name}: GET {path} answered {response.status_code} (expected 200)", file=sys.stderr)
        return cost
    parser = AssetParser()
    parser.feed(decoded(response, raw))
    seen: set[str] = set()
    pending = [(kind, same_origin_path(path, url)) for kind, url in parser.urls]
    while pending:
        kind, asset_path = pending.pop(0)
        if asset_path is None or asset_path in seen:
            continue
        seen.add(asset_path)
        asset_response, asset_raw = fetch(client, asset_path)
        cost.assets.append(
            Asset(
                url=asset_path,
                kind=kind,
                wire_bytes=len(asset_raw),
                cacheable=asset_response.status_code == 200 and max_age(asset_response) >= ONE_DAY,
                content=asset_path.startswith(settings.MEDIA_URL),
            )
        )
        if kind == "css" and asset_response.status_code == 200:
            for ref in CSS_URL.findall(decoded(asset_response, asset_raw)):
                if not ref.startswith("data:"):
                    pending.append(("other", same_origin_path(asset_path, ref)))
    return cost


# --- Part 1b: server CPU per view, in-process --------------------------------------------------


@dataclass
class CpuCost:
    name: str
    ms: float  # median of the batches
    batches: list[float]
    loadavg: tuple[float, float, float]


def cpu_per_view(client: Client, name: str, path: str, views: int, batches: int) -> CpuCost:
    """CPU time of this process per view (time.process_time), median of several batches after a warm-up.

    CPU time, not wall time: other programs on the machine delay a view but do not add to it, so the
    figure holds on a busy machine far better than requests per second (it still rises somewhat there:
    cores and caches are shared). The test client runs the whole middleware stack, the view and the
    template, as a server does, without the server's own cost (Daphne, the ASGI adapter).
    """
    for _ in range(max(10, views // 5)):
        fetch(client, path)
    samples = []
    for _ in range(batches):
        started = time.process_time()
        for _ in range(views):
            response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
            if response.status_code != 200:
                raise SystemExit(f"{name}: GET {path} answered {response.status_code} (expected 200)")
        samples.append((time.process_time() - started) * 1000 / views)
    return CpuCost(name, statistics.median(samples), samples, os.getloadavg())


def loadavg_text(load: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.2f}" for x in load)


# --- Who and what to measure ----------------------------------------------------------------


def pick_learner_and_course(build_if_empty: bool) -> tuple[User, CoursePage, LessonPage]:
    """The demo learner and a course they are enrolled in; else a bench learner enrolled in the first course."""
    if not LessonPage.objects.live().exists():
        if not build_if_empty:
            raise SystemExit("No published lesson: run `manage.py demo_load` first (or pass --build-if-empty).")
        from tests.factories import build_course

        build_course(title="Curso de prueba del benchmark", modules=2, lessons_per_module=3)
    learner = User.objects.filter(username=DEMO_USERNAME).first()
    if learner is not None:
        for enrolment in Enrolment.objects.filter(user=learner, status=Enrolment.Status.ACTIVE).order_by("id"):
            course = CoursePage.objects.live().filter(pk=enrolment.course_id).first()
            lesson = course and LessonPage.objects.live().descendant_of(course).order_by("path").first()
            if lesson:
                return learner, course, lesson
    course = next(
        c for c in CoursePage.objects.live().order_by("path") if LessonPage.objects.live().descendant_of(c).exists()
    )
    learner = bench_learner(course)
    return learner, course, LessonPage.objects.live().descendant_of(course).order_by("path").first()


def bench_learner(course: CoursePage) -> User:
    from cms.accounts.selectors import consent_current
    from cms.accounts.services import user_role_set

    learner, created = User.objects.get_or_create(username=BENCH_USERNAME, defaults={"first_name": "Benchmark"})
    if created:
        learner.set_unusable_password()
        user_role_set(user=learner, role="aprendiz")
    current = consent_current()
    if current is not None and learner.consent_version_id != current.id:
        learner.consent_version, learner.consent_accepted_at = current, timezone.now()
    learner.save()
    Enrolment.objects.update_or_create(user=learner, course=course, defaults={"status": Enrolment.Status.ACTIVE})
    return learner


# --- Part 2: load -----------------------------------------------------------------------------


@dataclass
class LoadResult:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @classmethod
    def merged(cls, parts: list[LoadResult]) -> LoadResult:
        """Several rounds of one view as one result: requests over the time spent on that view."""
        return cls(
            parts[0].name,
            sum(p.requests for p in parts),
            sum(p.errors for p in parts),
            sum(p.seconds for p in parts),
            [x for p in parts for x in p.latencies],
        )

    @property
    def p95_ms(self) -> float:
        if len(self.latencies) < 2:
            return (self.latencies or [0.0])[0] * 1000
        return statistics.quantiles(self.latencies, n=20)[-1] * 1000


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_daphne(port: int, log) -> subprocess.Popen:
    daphne = Path(sys.executable).with_name("daphne")
    process = subprocess.Popen(
        [str(daphne), "-b", HOST, "-p", str(port), "cms.asgi:application"],
        cwd=ROOT,
        env={**os.environ, "SEMILLA_BENCH": "1"},
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    deadline = time.monotonic() + 120  # a busy machine starts Daphne slowly
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"Daphne stopped (exit {process.returncode}); see {log.name}")
        try:
            if httpx.get(f"http://{HOST}:{port}/bench/trivial", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("Daphne did not answer within 120 s")


async def hammer(
    name: str, url: str, cookies: dict, concurrency: int, per_client: int, time_limit: float
) -> LoadResult:
    latencies: list[float] = []
    errors = 0

    async def one_client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(cookies=cookies, timeout=10, headers={"Accept-Encoding": "gzip"}) as client:
            for _ in range(per_client):
                if time.monotonic() > stop_at:
                    return
                started = time.perf_counter()
                try:
                    response = await client.get(url)
                    await response.aread()
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += 0 if ok else 1

    stop_at = time.monotonic() + time_limit
    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return LoadResult(name, len(latencies), errors, time.perf_counter() - started, latencies)


def load_test(
    learner: User, lesson_path: str, concurrency: int, per_client: int, rounds: int
) -> tuple[LoadResult, LoadResult, LoadResult]:
    client = Client(HTTP_HOST=HOST)
    client.force_login(learner)  # a real session row: Daphne reads the same database
    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    port = free_port()
    with tempfile.NamedTemporaryFile("w+", prefix="semilla-bench-daphne-", suffix=".log", delete=False) as log:
        daphne = start_daphne(port, log)
        try:
            base = f"http://{HOST}:{port}"
            lesson_url, trivial_url = base + lesson_path, base + "/bench/trivial"
            probe = httpx.get(lesson_url, cookies=cookies, timeout=10)
            if probe.status_code != 200:
                raise SystemExit(f"Lesson page under Daphne answered {probe.status_code}: is the learner logged in?")
            warm = max(2, per_client // 10)
            asyncio.run(hammer("warm", trivial_url, {}, concurrency, warm, 30))
            asyncio.run(hammer("warm", lesson_url, cookies, concurrency, warm, 30))
            # The baseline is Django's floor: the same middleware, no session, no template, no query.
            # The three loads take turns in short rounds, so a change of the machine's load (other programs,
            # CPU frequency) weighs on all three alike instead of on whichever ran at that moment.
            loads = [
                ("vista trivial (sin sesión)", trivial_url, {}),
                ("vista trivial (misma sesión)", trivial_url, cookies),
                ("lección (con sesión)", lesson_url, cookies),
            ]
            per_round = max(1, per_client // rounds)
            parts: dict[str, list[LoadResult]] = {name: [] for name, _url, _cookies in loads}
            for _round in range(rounds):
                for name, url, jar in loads:
                    parts[name].append(asyncio.run(hammer(name, url, jar, concurrency, per_round, 60 / rounds)))
            trivial, same, lesson = (LoadResult.merged(parts[name]) for name, _url, _cookies in loads)
        finally:
            daphne.terminate()
            try:
                daphne.wait(timeout=10)
            except subprocess.TimeoutExpired:
                daphne.kill()
    os.unlink(log.name)
    return trivial, same, lesson


# --- Report -----------------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / KB:.1f} KB"


def h5p_checks(pages: list[PageCost]) -> list[tuple[str, bool, str]]:
    cost = next((p for p in pages if p.name.startswith("lección con H5P")), None)
    if cost is None:
        return []
    return [
        (
            "lección con H5P, 1.ª visita <= 60 KB",
            cost.status == 200 and cost.first_visit <= BUDGET_FIRST_VISIT,
            kb(cost.first_visit),
        ),
        ("lección con H5P, JS <= 15 KB", cost.js_bytes <= BUDGET_JS, kb(cost.js_bytes)),
    ]


def report(
    pages: list[PageCost],
    cpu: list[CpuCost],
    trivial: LoadResult,
    same: LoadResult,
    lesson: LoadResult,
    concurrency: int,
    load_during: tuple[float, float, float],
) -> tuple[str, bool]:
    lines = [
        f"Medido el {date.today().isoformat()} · base de datos: {connection.vendor} · gzip · con sesión de aprendiz",
        f"Carga media de la máquina (1 / 5 / 15 min) al empezar: {loadavg_text(LOAD_AT_START)}",
        "",
        "| página | 1.ª visita | visita repetida | peticiones | JS | consultas SQL | imágenes y medios de contenido |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for p in pages:
        if p.status != 200:
            lines.append(f"| {p.name} (`{p.url}`) | HTTP {p.status} | | | | | |")
            continue
        lines.append(
            f"| {p.name} (`{p.url}`) | {kb(p.first_visit)} | {kb(p.repeat_visit)} | {p.requests} | "
            f"{kb(p.js_bytes)} | {p.queries} | {kb(p.content_bytes)} |"
        )
    ratio = lesson.rps / trivial.rps if trivial.rps else 0.0
    lines += [
        "",
        "CPU del servidor por vista, en el mismo proceso (cliente de pruebas de Django, time.process_time, "
        "mediana de las tandas):",
        "",
        "| vista | ms de CPU por vista | tandas (ms) | carga media (1 / 5 / 15 min) |",
        "|---|---:|---|---|",
    ]
    for c in cpu:
        batches = ", ".join(f"{x:.2f}" for x in c.batches)
        lines.append(f"| {c.name} | {c.ms:.2f} | {batches} | {loadavg_text(c.loadavg)} |")
    lines += [
        "",
        f"Carga: Daphne en {HOST}, {concurrency} clientes concurrentes; carga media de la máquina al terminar: "
        f"{loadavg_text(load_during)}.",
        "",
        "| vista | peticiones | errores | peticiones/s | p95 |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in (trivial, same, lesson):
        lines.append(f"| {r.name} | {r.requests} | {r.errors} | {r.rps:.0f} | {r.p95_ms:.1f} ms |")
    lesson_cost = next(p for p in pages if p.name == "lección")
    lesson_cpu = next(c for c in cpu if c.name == "lección (con sesión)")
    checks = [
        ("lección responde 200", lesson_cost.status == 200, str(lesson_cost.status)),
        ("lección, 1.ª visita <= 60 KB", lesson_cost.first_visit <= BUDGET_FIRST_VISIT, kb(lesson_cost.first_visit)),
        ("lección, JS <= 15 KB", lesson_cost.js_bytes <= BUDGET_JS, kb(lesson_cost.js_bytes)),
        (
            "lección, visita repetida <= 15 KB",
            lesson_cost.repeat_visit <= BUDGET_REPEAT_VISIT,
            kb(lesson_cost.repeat_visit),
        ),
        ("lección, <= 12 consultas SQL", lesson_cost.queries <= BUDGET_QUERIES, str(lesson_cost.queries)),
        (
            f"CPU del servidor por vista de lección <= {BUDGET_CPU_MS:.0f} ms "
            f"(carga media {loadavg_text(lesson_cpu.loadavg)})",
            lesson_cpu.ms <= BUDGET_CPU_MS,
            f"{lesson_cpu.ms:.2f} ms",
        ),
        (
            f"lección >= 0.3x peticiones/s de la vista trivial (carga media {loadavg_text(load_during)})",
            ratio >= BUDGET_RPS_RATIO,
            f"{ratio:.2f}x",
        ),
        (
            "(sin presupuesto) lección / vista trivial con la misma sesión",
            None,
            f"{lesson.rps / same.rps if same.rps else 0.0:.2f}x",
        ),
        *h5p_checks(pages),
        ("sin errores bajo carga", trivial.errors == 0 and lesson.errors == 0, str(trivial.errors + lesson.errors)),
    ]
    lines += ["", "| presupuesto | medido | resultado |", "|---|---:|---|"]
    verdict = {None: "—", True: "PASS", False: "FAIL"}
    lines += [f"| {label} | {value} | {verdict[ok]} |" for label, ok, value in checks]
    return "\n".join(lines), all(ok is not False for _, ok, _ in checks)


H5P_FIXTURE = ROOT.parent / "shared" / "fixtures" / "h5p" / "valid" / "true-false.h5p"
H5P_LESSON_SLUG = "practica-interactiva-benchmark"


def h5p_lesson(course: CoursePage) -> LessonPage | None:
    """A lesson of the course with an H5P block (made once from the shared true/false fixture, if present)."""
    from lms.courses.models import ModulePage
    from lms.h5p.services import h5p_package_import

    existing = LessonPage.objects.live().descendant_of(course).filter(slug=H5P_LESSON_SLUG).first()
    if existing or not H5P_FIXTURE.is_file():
        return existing
    with H5P_FIXTURE.open("rb") as upload:
        activity, _created = h5p_package_import(upload=upload)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    return module.add_child(
        instance=LessonPage(
            title="Práctica interactiva",
            slug=H5P_LESSON_SLUG,
            body=[("text", "<p>Responde la pregunta.</p>"), ("h5p", {"activity": activity, "intro": ""})],
        )
    )


def page_path(page) -> str:
    return urlsplit(page.get_url()).path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100, help="requests per client and view")
    parser.add_argument("--rounds", type=int, default=5, help="the three loads take turns this many times")
    parser.add_argument("--cpu-views", type=int, default=100, help="views per batch for the CPU figure")
    parser.add_argument("--cpu-batches", type=int, default=5, help="batches for the CPU figure (median)")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--build-if-empty", action="store_true")
    args = parser.parse_args()

    learner, course, lesson = pick_learner_and_course(args.build_if_empty)
    client = Client(HTTP_HOST=HOST, raise_request_exception=False)
    client.force_login(learner)
    pages = [
        measure_page(client, "inicio", "/"),
        measure_page(client, "curso", page_path(course)),
        measure_page(client, "lección", page_path(lesson)),
    ]
    with_h5p = h5p_lesson(course)
    if with_h5p is not None:
        pages.append(measure_page(client, "lección con H5P (sin pedir la actividad)", page_path(with_h5p)))
    cpu = [
        cpu_per_view(client, "lección (con sesión)", page_path(lesson), args.cpu_views, args.cpu_batches),
        cpu_per_view(Client(HTTP_HOST=HOST), "vista trivial (sin sesión)", "/bench/trivial", args.cpu_views, 3),
    ]
    trivial, same, lesson_load = load_test(learner, page_path(lesson), args.concurrency, args.requests, args.rounds)
    text, ok = report(pages, cpu, trivial, same, lesson_load, args.concurrency, os.getloadavg())
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
