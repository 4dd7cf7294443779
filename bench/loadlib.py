"""What bench/learners.py and bench/login_burst.py share: percentiles and tables (pure), the server's processes
and their memory and CPU (/proc), the embedded default started as `make run` does (`serving`: the server start
code both use), and simulated learners made directly in the database (the Django part; call `django_setup()`
first when running as a script).
"""

from __future__ import annotations

import contextlib
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
VERDICT = {True: "PASS", False: "FAIL"}


# --- Figures (pure) ---------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank: a value that was really measured. 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.0f} ms" if value >= 100 else f"{value:.1f} ms"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]], right: Iterable[int] = ()) -> str:
    """A Markdown table; columns listed in `right` are right-aligned (numbers)."""
    right = set(right)
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


@dataclass(frozen=True)
class Budget:
    label: str
    measured: str
    ok: bool


def latency_budgets(
    latencies: Sequence[float], errors: int, *, p95_ms: float, p99_ms: float, what: str = "peticiones"
) -> list[Budget]:
    """PASS/FAIL rows: p95 and p99 strictly under their budgets, no error, and something measured at all."""
    p95, p99 = percentile(latencies, 95), percentile(latencies, 99)
    measured = len(latencies) > 0
    return [
        Budget(f"{what} medidas > 0", str(len(latencies)), measured),
        Budget(f"p95 < {p95_ms:g} ms", ms(p95), measured and p95 * 1000 < p95_ms),
        Budget(f"p99 < {p99_ms:g} ms", ms(p99), measured and p99 * 1000 < p99_ms),
        Budget("0 errores", str(errors), errors == 0),
    ]


def budget_table(budgets: Sequence[Budget]) -> str:
    return markdown_table(
        ["presupuesto", "medido", "resultado"], [(b.label, b.measured, VERDICT[b.ok]) for b in budgets]
    )


def today() -> str:
    return datetime.now(UTC).date().isoformat()


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


# --- The server's processes -------------------------------------------------------------------


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A = LISTEN
                inodes.add(inode)
    return inodes


def pids_listening_on(port: int) -> list[int]:
    """Processes (of this user) holding a socket that listens on the port: the server, found without its pid."""
    wanted = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                if os.readlink(fd) in wanted:
                    found.append(int(entry.name))
                    break
        except OSError:  # gone, or not ours
            continue
    return sorted(found)


def port_of(url: str) -> int:
    parts = urlsplit(url)
    return parts.port or (443 if parts.scheme == "https" else 80)


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14, 15)


def process_label(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    words = [w.decode(errors="replace") for w in words if w]
    if words and "python" in Path(words[0]).name:
        words = words[1:]  # the script, not the interpreter
    return " ".join([Path(words[0]).name, *words[1:4]]) if words else "?"


class RssWatch:
    """Samples the RSS of some processes; keeps the peak and the last value of each."""

    def __init__(self, pids: Sequence[int]) -> None:
        self.pids = list(pids)
        self.peak: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.labels = {pid: process_label(pid) for pid in self.pids}
        self.cpu_start = {pid: cpu_seconds(pid) for pid in self.pids}
        self.cpu_last: dict[int, float] = {}

    def sample(self) -> None:
        for pid in self.pids:
            value = rss_kib(pid)
            if value is not None:
                self.last[pid] = value
                self.peak[pid] = max(value, self.peak.get(pid, 0))
            cpu = cpu_seconds(pid)
            if cpu is not None:
                self.cpu_last[pid] = cpu

    def cpu_used(self) -> float:
        """CPU seconds the processes used from the watch's start to the last sample."""
        return sum(self.cpu_last[pid] - (self.cpu_start.get(pid) or 0.0) for pid in self.cpu_last)

    def table(self) -> str:
        rows = [(pid, f"`{self.labels[pid]}`", mib(self.last.get(pid)), mib(self.peak.get(pid))) for pid in self.pids]
        rows.append(("", "total", mib(sum(self.last.values())), mib(sum(self.peak.values()))))
        return markdown_table(["pid", "proceso", "RSS al final", "RSS máximo"], rows, right=(2, 3))


def mib(kib: int | None) -> str:
    return "?" if kib is None else f"{kib / 1024:.0f} MiB"


# --- The embedded default, as `make run` starts it ----------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_embedded(log) -> tuple[subprocess.Popen, str]:
    """cms/embedded.py (gunicorn's HTTP workers, Daphne for sockets, the job worker) on free loopback ports,
    with `make run`'s variables; waits until /healthz answers on the site's port and Daphne's port is open."""
    import httpx

    port, content_port, sockets_port = free_port(), free_port(), free_port()
    url = f"http://{HOST}:{port}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cms.embedded",
            "--host",
            HOST,
            "--port",
            str(port),
            "--content-port",
            str(content_port),
            "--sockets-port",
            str(sockets_port),
        ],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the embedded servers stopped (exit {process.returncode}); see {log.name}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200 and _port_open(sockets_port):
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop(process)
    raise SystemExit("the embedded servers did not answer within 90 s")


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex((HOST, port)) == 0


def descendants(pid: int) -> list[int]:
    """The processes started by `pid`, their children and so on (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return sorted(found)


def stack_pids() -> list[int]:
    """Every process of `make stack`: those in .stack/run/*.pid and PostgreSQL's postmaster, with their children
    (gunicorn's workers, nginx's workers, PostgreSQL's backends)."""
    files = [*sorted((ROOT / ".stack" / "run").glob("*.pid")), ROOT / ".stack" / "pg" / "data" / "postmaster.pid"]
    found: list[int] = []
    for file in files:
        try:
            pid = int(file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        if Path(f"/proc/{pid}").exists():
            found += [pid, *descendants(pid)]
    if not found:
        raise SystemExit("No process of make stack found under .stack/run: start it first (make stack).")
    return sorted(set(found))


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def serving(args, log_prefix: str):
    """What learners.py and login_burst.py run against: with `args.serve`, the embedded default started here
    (and stopped after); else `args.url`. Yields (url, RssWatch over the server's processes: `args.pids`, else
    those of the embedded default, else those listening on the URL's port)."""
    server = None
    log = tempfile.NamedTemporaryFile("w+", prefix=log_prefix, suffix=".log", delete=False)
    try:
        url = args.url
        if args.serve:
            server, url = start_embedded(log)
        if args.pids == "stack":
            pids = stack_pids()
        elif args.pids:
            pids = [int(p) for p in args.pids.split(",")]
        elif server is not None:
            pids = descendants(server.pid)
        else:
            pids = pids_listening_on(port_of(url))
        yield url, RssWatch(pids)
    finally:
        if server is not None:
            stop(server)
        log.close()
        Path(log.name).unlink()


# --- Simulated learners, made directly in the database (Django) -----------------------------------


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()


@dataclass(frozen=True)
class CourseRoute:
    """The URLs a learner of one course clicks."""

    course_id: int
    course_path: str
    lesson_paths: tuple[str, ...]
    my_courses_path: str
    gradebook_path: str


@dataclass(frozen=True)
class SimulatedLearner:
    username: str
    session_key: str  # "" when no session was made (they sign in through the form)


def course_route(course=None) -> CourseRoute:
    """The demo course (the demo learner's first), else the first live course with a published lesson."""
    from django.urls import reverse

    from lms.courses.models import CoursePage

    if course is None:
        courses = [c for c in CoursePage.objects.live().order_by("path") if _lessons(c)]
        if not courses:
            raise SystemExit("No published lesson: run `manage.py demo_load` first.")
        demo = [c for c in courses if c.slug == "educacion-financiera"]
        course = (demo or courses)[0]
    lessons = _lessons(course)
    return CourseRoute(
        course_id=course.pk,
        course_path=_path(course),
        lesson_paths=tuple(_path(lesson) for lesson in lessons),
        my_courses_path=reverse("courses:my_courses"),
        gradebook_path=reverse("grades:learner", kwargs={"course_id": course.pk}),
    )


def _lessons(course):
    from lms.courses.models import LessonPage

    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def _path(page) -> str:
    return urlsplit(page.get_url()).path


def learners_ensure(
    count: int,
    *,
    prefix: str,
    course_id: int,
    password: str | None = None,
    with_sessions: bool = True,
    hasher="default",
) -> list[SimulatedLearner]:
    """`count` learners named prefix00001..., enrolled (active) in the course, consent accepted, progress cleared.

    Fast for thousands: bulk inserts, and one password hash for all, made once (`hasher` as for make_password;
    no usable password when `password` is None). With `with_sessions`, each gets a fresh signed-in session
    (ModelBackend), written to the database as `login()` would: the cached_db engine reads it on a cache miss.
    """
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from cms.accounts.models import User
    from cms.accounts.selectors import consent_current
    from cms.accounts.services import roles_ensure
    from lms.courses.models import Enrolment, LessonCompletion

    if settings.PRODUCTION:  # thousands of accounts with open sessions: never in a real database
        raise SystemExit("Refused: SEMILLA_ENV=production. The load benchmarks make accounts; run them elsewhere.")
    names = [f"{prefix}{n:05d}" for n in range(1, count + 1)]
    encoded = make_password(password, hasher=hasher)  # unusable when None
    consent = consent_current()
    now = timezone.now()
    with transaction.atomic():
        existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
        User.objects.bulk_create(
            [
                User(username=name, first_name="Aprendiz", last_name=name, password=encoded)
                for name in names
                if name not in existing
            ],
            batch_size=500,
        )
        users = list(User.objects.filter(username__in=names).order_by("username"))
        for user in users:
            user.password = encoded  # the session's hash below is made from it
        User.objects.filter(pk__in=[u.pk for u in users]).update(
            password=encoded,
            is_active=True,
            consent_version=consent,
            consent_accepted_at=now if consent else None,
        )
        group = roles_ensure()["aprendiz"]
        through = User.groups.through
        through.objects.bulk_create(
            [through(user_id=u.pk, group_id=group.pk) for u in users], ignore_conflicts=True, batch_size=500
        )
        Enrolment.objects.bulk_create(
            [Enrolment(user=u, course_id=course_id) for u in users], ignore_conflicts=True, batch_size=500
        )
        Enrolment.objects.filter(user__in=users, course_id=course_id).update(
            status=Enrolment.Status.ACTIVE, completed_at=None, last_lesson=None, queued_at=None
        )
        LessonCompletion.objects.filter(user__in=users, course_id=course_id).delete()
        _forget_sign_in_failures(names)
        sessions = _sessions_create(users) if with_sessions else {}
    return [SimulatedLearner(u.username, sessions.get(u.pk, "")) for u in users]


def _forget_sign_in_failures(names: list[str]) -> None:
    from axes.models import AccessAttempt

    from cms.accounts.models import LoginThrottle

    AccessAttempt.objects.filter(username__in=names).delete()
    LoginThrottle.objects.filter(username__in=[n.lower() for n in names]).delete()


def _sessions_create(users) -> dict[int, str]:
    """A signed-in session per user, as django.contrib.auth.login() stores it; returns user pk -> session key."""
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.base import VALID_KEY_CHARS
    from django.utils import timezone
    from django.utils.crypto import get_random_string
    from django.utils.module_loading import import_string

    store_class = import_string(settings.SESSION_ENGINE + ".SessionStore")
    model = store_class.get_model_class()
    encoder = store_class()
    expires = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    rows, keys = [], {}
    for user in users:
        key = get_random_string(32, VALID_KEY_CHARS)
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(model(session_key=key, session_data=encoder.encode(data), expire_date=expires))
        keys[user.pk] = key
    model.objects.bulk_create(rows, batch_size=500)
    return keys
