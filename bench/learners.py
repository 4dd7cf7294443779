"""Signed-in learners reading a course at a center's pace, from outside the server (issue 17).

    .venv/bin/python bench/learners.py --serve                  # starts the embedded default itself (make bench)
    .venv/bin/python bench/learners.py --url http://127.0.0.1:8080 --users 500 --duration 60   # a running server

Learners arrive at --arrivals a second (40). Each clicks, waits for the whole answer, thinks 30-90 s (uniform,
seeded) and clicks again: a lesson page (half of the clicks, going through the course in order from a random
start), "Marcar como completada" (a POST with the CSRF token of the lesson form just read, when that lesson has
the button; else the next lesson), the course page, "Mis cursos" and the gradebook (a tenth each). About
users / 60 requests a second are offered. The figures are reset when the ramp ends, and `--duration` seconds of
steady state are measured: requests started in that window, each until its whole body arrived. An error
is a request not answered in full within --timeout seconds (60), one that fails, or an answer other than 200
(302 for the POST, not to the sign-in page).

The learners (carga00001...) are made directly in the database the server reads, each with a signed-in
session, enrolled in the demo course: run with the server's environment (for `make stack`:
`set -a; . .stack/env; set +a` first). Signing in has its own benchmark: bench/login_burst.py.

It prints a Markdown table (requests, errors, requests/s served and offered, p50/p95/p99, the load average,
the RSS and the CPU per request of the server's processes: --pids, or `--pids stack` for every process of
`make stack`, else with --serve those it started, else those listening on the URL's port) and PASS/FAIL rows
against the budgets (p95 < --p95-ms, p99 < --p99-ms, 0 errors); exit status 1 when one fails. One event loop
and one connection pool (keep-alive) serve every learner; the client's own CPU time is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadlib  # noqa: E402

THINK_SECONDS = (30.0, 90.0)
# Weights of the clicks; "completar" falls back to the next lesson when the last lesson read has no button.
MIX = {"lección": 50, "completar": 20, "curso": 10, "mis cursos": 10, "calificaciones": 10}
FORM_RE = re.compile(
    r'<form method="post" action="(?P<action>/aprender/leccion/\d+/completar/)">\s*'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="(?P<token>[^"]+)"'
)
PREFIX = "carga"


@dataclass
class Sample:
    kind: str
    started: float
    seconds: float
    ok: bool


@dataclass
class Learner:
    """One simulated person: their cookies, where they are in the course, and the button of the lesson read."""

    session_key: str
    csrf_secret: str
    cursor: int
    rng: random.Random
    form: tuple[str, str] | None = None  # (action, token) of the last lesson page read

    def cookie(self, session_name: str, csrf_name: str) -> str:
        return f"{session_name}={self.session_key}; {csrf_name}={self.csrf_secret}"


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    window_start: float = 0.0
    window_end: float = 0.0


def origin(client) -> str:
    return str(client.base_url).rstrip("/")


def choose(rng: random.Random) -> str:
    return rng.choices(list(MIX), weights=list(MIX.values()))[0]


def summary_rows(samples: list[Sample], seconds: float) -> list[tuple]:
    """Per kind of click and in all: requests, errors, requests/s served (answered well), p50/p95/p99."""
    kinds = [k for k in MIX if any(s.kind == k for s in samples)]
    rows = []
    for kind in [*kinds, "total"]:
        mine = [s for s in samples if kind == "total" or s.kind == kind]
        latencies = [s.seconds for s in mine]
        errors = sum(not s.ok for s in mine)
        served = (len(mine) - errors) / seconds if seconds else 0.0
        rows.append(
            (
                f"**{kind}**" if kind == "total" else kind,
                len(mine),
                errors,
                f"{served:.1f}",
                *(loadlib.ms(loadlib.percentile(latencies, q)) for q in (50, 95, 99)),
            )
        )
    return rows


async def click(client, learner: Learner, route, names: tuple[str, str], run: Run, timeout: float) -> None:
    import httpx

    kind = choose(learner.rng)
    lessons = route.lesson_paths
    method, data, expected = "GET", None, 200
    if kind == "completar" and learner.form is None:
        kind = "lección"
    if kind == "lección":
        path = lessons[learner.cursor]
    elif kind == "completar":
        (path, token), learner.form = learner.form, None
        method, data, expected = "POST", {"csrfmiddlewaretoken": token}, 302
    elif kind == "curso":
        path = route.course_path
    elif kind == "mis cursos":
        path = route.my_courses_path
    else:
        path = route.gradebook_path
    headers = {"Cookie": learner.cookie(*names), "Accept-Encoding": "gzip"}
    if method == "POST":
        headers["Origin"] = origin(client)  # as a browser sends with a form
    started = time.monotonic()
    ok = False
    try:
        async with asyncio.timeout(timeout):  # the whole request: httpx's own timeout is per network step
            response = await client.request(method, path, data=data, headers=headers)
            body = response.text if kind == "lección" else None
        ok = response.status_code == expected
        if ok and expected == 302:
            ok = "/cuenta/entrar/" not in response.headers.get("location", "")
    except (httpx.HTTPError, TimeoutError):
        body = None
    run.samples.append(Sample(kind, started, time.monotonic() - started, ok))
    if kind == "lección":
        match = FORM_RE.search(body or "")
        learner.form = (match["action"], match["token"]) if ok and match else None
        learner.cursor = (learner.cursor + 1) % len(lessons)
    elif kind == "completar":
        learner.cursor = (learner.cursor + 1) % len(lessons)


async def one_learner(
    client, learner, route, names, run: Run, arrive_at: float, stop_at: float, think_seconds, timeout
) -> None:
    await asyncio.sleep(max(0.0, arrive_at - time.monotonic()))
    while time.monotonic() < stop_at:
        await click(client, learner, route, names, run, timeout)
        think = learner.rng.uniform(*think_seconds)
        await asyncio.sleep(max(0.0, min(think, stop_at - time.monotonic())))


async def simulate(args, url: str, learners: list[Learner], route, names, watch: loadlib.RssWatch) -> tuple[Run, dict]:
    import httpx

    limits = httpx.Limits(max_connections=args.connections, max_keepalive_connections=args.connections)
    jar = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))  # keeps none
    run = Run()
    notes: dict = {}
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=args.timeout, cookies=jar) as client:
        probe = await client.get(route.lesson_paths[0], headers={"Cookie": learners[0].cookie(*names)})
        if probe.status_code != 200:
            raise SystemExit(f"{route.lesson_paths[0]} answered {probe.status_code} to a simulated learner")
        start = time.monotonic()
        ramp = len(learners) / args.arrivals
        run.window_start, stop_at = start + ramp, start + ramp + args.duration
        run.window_end = stop_at
        notes["load_start"] = loadlib.load_average()
        tasks = [
            asyncio.create_task(
                one_learner(
                    client, learner, route, names, run, start + i / args.arrivals, stop_at, args.think, args.timeout
                )
            )
            for i, learner in enumerate(learners)
        ]
        cpu_at_window = None
        while time.monotonic() < stop_at:
            await asyncio.sleep(min(5.0, max(0.0, stop_at - time.monotonic())))
            watch.sample()
            if cpu_at_window is None and time.monotonic() >= run.window_start:
                cpu_at_window, notes["load_window"] = (time.process_time(), time.monotonic()), loadlib.load_average()
                print(f"ramp over ({len(learners)} learners); measuring {args.duration:g} s", file=sys.stderr)
        notes["load_end"] = loadlib.load_average()
        if cpu_at_window is not None:
            cpu, wall = cpu_at_window
            notes["client_cpu"] = (time.process_time() - cpu) / (time.monotonic() - wall)
        await asyncio.gather(*tasks)  # requests in flight finish (or time out)
    return run, notes


def report(args, url: str, run: Run, notes: dict, watch: loadlib.RssWatch) -> tuple[str, bool]:
    window = [s for s in run.samples if run.window_start <= s.started < run.window_end]
    seconds = run.window_end - run.window_start
    errors = sum(not s.ok for s in window)
    mean_think = sum(args.think) / 2
    budgets = loadlib.latency_budgets([s.seconds for s in window], errors, p95_ms=args.p95_ms, p99_ms=args.p99_ms)
    lines = [
        f"Medido el {loadlib.today()} (UTC) · {url} · {args.users} aprendices con sesión, llegan {args.arrivals:g} "
        f"por segundo, piensan {args.think[0]:g}-{args.think[1]:g} s · {seconds:.0f} s medidos después de "
        f"la rampa (semilla {args.seed})",
        "",
        loadlib.markdown_table(
            ["clic", "peticiones", "errores", "pet./s servidas", "p50", "p95", "p99"],
            summary_rows(window, seconds),
            right=range(1, 7),
        ),
        "",
        loadlib.markdown_table(
            ["", "valor"],
            [
                (f"peticiones/s ofrecidas (aprendices / {mean_think:g} s)", f"{args.users / mean_think:.1f}"),
                ("peticiones/s enviadas en la ventana", f"{len(window) / seconds:.1f}" if seconds else "0"),
                ("peticiones/s servidas (respuesta correcta)", f"{(len(window) - errors) / seconds:.1f}"),
                ("carga media de la máquina (1/5/15 min) al empezar", notes.get("load_start", "?")),
                ("… al acabar la rampa", notes.get("load_window", "?")),
                ("… al final", notes.get("load_end", "?")),
                ("CPU del cliente (fracción de un núcleo, en la ventana)", f"{notes.get('client_cpu', 0):.2f}"),
                (
                    "CPU de los procesos del servidor por petición (toda la corrida)",
                    f"{watch.cpu_used() / max(1, len(run.samples)) * 1000:.1f} ms" if watch.pids else "?",
                ),
            ],
            right=(1,),
        ),
        "",
        watch.table() if watch.pids else "RSS: no server process found (pass --pids).",
        "",
        loadlib.budget_table(budgets),
    ]
    return "\n".join(lines), all(b.ok for b in budgets)


def think_range(text: str) -> tuple[float, float]:
    low, high = (float(x) for x in text.split(","))
    if not 0 <= low <= high:
        raise argparse.ArgumentTypeError("MIN,MAX with 0 <= MIN <= MAX")
    return low, high


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--serve", action="store_true", help="start the embedded default (as make run) and use it")
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--duration", type=float, default=180, help="seconds measured after the ramp")
    parser.add_argument("--arrivals", type=float, default=40, help="learners arriving per second")
    parser.add_argument("--p95-ms", type=float, default=300)
    parser.add_argument("--p99-ms", type=float, default=1000)
    parser.add_argument(
        "--timeout", type=float, default=60, help="seconds a whole request may take before it counts as an error"
    )
    parser.add_argument("--connections", type=int, help="connection pool size (default: one per learner)")
    parser.add_argument("--pids", help="server processes to report the RSS of, comma-separated, or: stack")
    parser.add_argument("--think", type=think_range, default=THINK_SECONDS, help="seconds between clicks: MIN,MAX")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--output", type=Path, help="also write the Markdown there")
    args = parser.parse_args(argv)
    args.connections = args.connections or args.users

    loadlib.django_setup()
    from django.conf import settings
    from django.utils.crypto import get_random_string

    route = loadlib.course_route()
    made = loadlib.learners_ensure(args.users, prefix=PREFIX, course_id=route.course_id)
    rng = random.Random(args.seed)
    learners = [
        Learner(
            session_key=person.session_key,
            csrf_secret=get_random_string(32),
            cursor=rng.randrange(len(route.lesson_paths)),
            rng=random.Random(f"{args.seed}-{i}"),
        )
        for i, person in enumerate(made)
    ]
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    with loadlib.serving(args, "semilla-learners-") as (url, watch):
        run, notes = asyncio.run(simulate(args, url, learners, route, names, watch))
    text, ok = report(args, url, run, notes, watch)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
