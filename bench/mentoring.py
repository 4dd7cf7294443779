"""`make bench` (part 2): fan-out latency and loss of the live mentoring rooms, next to a bare baseline.

For each load (R rooms x M clients: 20x10 and 50x10), every room gets one chat message per second for
--duration seconds (the sender rotates among the room's clients, so nobody hits the 5-in-5-s limit).
Each delivery (to every client of the room, the sender too) is timed twice:

- end to end: from just before the client's send to its receipt (perf_counter), i.e. for Semilla the
  access check and the database write plus the fan-out;
- fan-out: from the server's broadcast to the receipt, i.e. time.time() at receipt minus the frame's
  `sent_at` (the server's time.time() as the sender's process starts the broadcast: its own sockets first,
  then the channel layer to the other processes; the baseline stamps its broadcast the same way).
  Clients and servers share the machine, hence the clock.

A delivery that never arrives is lost. Clients run in this process, with the same code for both servers
and without compression (Daphne offers none, so the baseline is started without it: same bytes on the
wire); servers in their own process, on loopback only (bench/README.md says more):

- baseline: a bare broadcast server written here with the `websockets` library (parse JSON, re-serialise,
  `websockets.broadcast` to the room), no database, no Django;
- Semilla: Daphne serving cms.asgi, i.e. the room consumer (access check, persist, broadcast after
  commit), with the in-memory channel layer, and when REDIS_URL is set with Redis, once with one Daphne
  process and once with two sharing Redis (each room's clients taking turns between them).

Budgets (issue 4) apply to fan-out: p99 <= 2x the baseline's fan-out p99 with the in-memory layer, <= 3x
with Redis, 0 lost. End to end is reported next to it, without a budget.
Prints a Markdown table; exits 1 when a budget fails. Options: --loads 20x10,50x10 --duration 10
--output FILE. Uses the configured database (SQLite by default, DATABASE_URL if set); the bench
sessions are deleted at the end, the bench users stay (like bench/run.py's).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TOPIC_PREFIX = "bench-mentoring"
CONNECT_CONCURRENCY = 20
DRAIN_SECONDS = 5.0
BUDGET_MEMORY = 2.0
BUDGET_REDIS = 3.0
TWO_PROCESSES = "Redis, 2 processes"


# --- The baseline: a bare broadcast server --------------------------------------------------------


async def baseline_server(port: int) -> None:
    """Rooms by path; every `message.send` goes back to everyone in the room as a `message` frame."""
    import websockets
    from websockets.asyncio.server import serve

    rooms: dict[str, set] = {}
    counter = 0

    async def handler(ws) -> None:
        nonlocal counter
        room = rooms.setdefault(ws.request.path, set())
        room.add(ws)
        try:
            async for raw in ws:
                frame = json.loads(raw)
                if frame.get("type") == "message.send":
                    counter += 1
                    websockets.broadcast(
                        room,
                        json.dumps(
                            {
                                "type": "message",
                                "message": {"id": counter, "text": frame.get("text", "")},
                                "sent_at": time.time(),  # like Semilla's stamp: taken as the broadcast starts
                            }
                        ),
                    )
                elif frame.get("type") == "hello":
                    await ws.send(json.dumps({"type": "state"}))
        finally:
            room.discard(ws)

    # No permessage-deflate (the clients do not offer it either): Daphne does not compress, so both servers
    # put the same bytes on the wire and the clients do the same work for both.
    async with serve(handler, HOST, port, ping_interval=None, max_queue=None, compression=None):
        await asyncio.Future()


# --- Servers as processes ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log_path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on {port} exited; see {log_path}")
        with socket.socket() as s:
            if s.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"server on {port} did not start; see {log_path}")


class Server:
    """A server subprocess on a free loopback port, stopped on exit."""

    def __init__(self, kind: str, redis: bool = False):
        self.kind, self.port = kind, free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "SEMILLA_WS_ALLOWED_ORIGINS": f"http://{HOST}:{self.port}",
        }  # its clients' Origin (cms/origins.py)
        if not redis:
            env.pop("REDIS_URL", None)  # the embedded default: in-memory layer
        if kind == "baseline":
            argv = [sys.executable, str(Path(__file__).resolve()), "--baseline-server", str(self.port)]
        else:
            argv = [
                str(Path(sys.executable).with_name("daphne")),
                "-b",
                HOST,
                "-p",
                str(self.port),
                "cms.asgi:application",
            ]
        self.log = tempfile.NamedTemporaryFile("w+", prefix=f"semilla-bench-{kind}-", suffix=".log", delete=False)
        self.process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.log)

    def __enter__(self) -> Server:
        wait_for_port(self.port, self.process, self.log.name)
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


# --- Semilla's side: users, sessions, cookies --------------------------------------------------------


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()


def bench_people(clients: int) -> list:
    """A mentor and clients-1 learners (created once, kept between runs)."""
    from cms.accounts.models import User
    from cms.accounts.services import user_role_set

    people = []
    for i in range(clients):
        username, role = ("bench-mentora", "mentor") if i == 0 else (f"bench-aprendiz-{i}", "aprendiz")
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": f"Bench {i}"})
        if created:
            user.set_unusable_password()
            user.save()
            user_role_set(user=user, role=role)
        people.append(user)
    return people


def session_cookie(user) -> str:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def bench_sessions(rooms: int, people: list) -> list[int]:
    from datetime import timedelta

    from django.utils import timezone

    from incubator.mentoring.services import session_schedule

    start = timezone.now()
    return [
        session_schedule(
            by=people[0],
            topic=f"{TOPIC_PREFIX} {r}",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            mentors=[people[0]],
            participants=people[1:],
        ).pk
        for r in range(rooms)
    ]


def bench_cleanup() -> None:
    from incubator.mentoring.models import MentoringSession

    MentoringSession.objects.filter(topic__startswith=TOPIC_PREFIX).delete()


# --- The load ----------------------------------------------------------------------------------------


@dataclass
class Outcome:
    sent: int = 0
    expected: int = 0
    latencies: list[float] = field(default_factory=list)  # end to end: client send -> receipt
    fanouts: list[float] = field(default_factory=list)  # fan-out: server broadcast (sent_at) -> receipt
    crossings: list[float] = field(default_factory=list)  # the fan-outs to a client of another server process
    errors: int = 0

    @property
    def lost(self) -> int:
        return self.expected - len(self.latencies)

    @staticmethod
    def _quantile(values: list[float], q: int) -> float:
        if len(values) < 2:
            return float("nan")
        return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000

    def quantile(self, q: int) -> float:
        """End-to-end latency quantile, ms."""
        return self._quantile(self.latencies, q)

    def fanout_quantile(self, q: int) -> float:
        """Fan-out latency quantile, ms (deliveries without `sent_at` are not counted)."""
        return self._quantile(self.fanouts, q)

    @classmethod
    def merged(cls, parts: list[Outcome]) -> Outcome:
        """The runs of one server as one outcome: every message and every delivery of each run."""
        return cls(
            sum(p.sent for p in parts),
            sum(p.expected for p in parts),
            [x for p in parts for x in p.latencies],
            [x for p in parts for x in p.fanouts],
            [x for p in parts for x in p.crossings],
            sum(p.errors for p in parts),
        )


async def run_load(ports: list[int], rooms: list[str], cookies: list[str], duration: int) -> Outcome:
    """Connect len(cookies) clients to each room path, send one message per room per second, collect.

    With several server processes (ports), the clients of each room take turns among them."""
    from websockets.asyncio.client import connect

    outcome = Outcome()
    sent_at: dict[str, float] = {}
    sent_via: dict[str, int] = {}  # message text -> the port of the server its sender is connected to
    seen: set[tuple[int, str]] = set()
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    clients: list = []  # (room index, ws, ready, port)

    async def open_client(room: int, path: str, person: int) -> None:
        port, cookie = ports[person % len(ports)], cookies[person]
        async with gate:
            ws = await connect(
                f"ws://{HOST}:{port}{path}",
                origin=f"http://{HOST}:{port}",
                additional_headers={"Cookie": cookie},
                ping_interval=None,
                max_queue=None,
                open_timeout=60,
                compression=None,
            )
            await ws.send(json.dumps({"type": "hello", "last_seen_id": None}))
        ready = asyncio.Event()
        clients.append((room, ws, ready, port))

    async def read(index: int, ws, ready: asyncio.Event, port: int) -> None:
        try:
            async for raw in ws:
                now, wall = time.perf_counter(), time.time()
                frame = json.loads(raw)
                kind = frame.get("type")
                if kind == "message":
                    text = frame["message"].get("text", "")
                    if text in sent_at and (index, text) not in seen:
                        seen.add((index, text))
                        outcome.latencies.append(now - sent_at[text])
                        if isinstance(frame.get("sent_at"), (int, float)):
                            outcome.fanouts.append(wall - frame["sent_at"])
                            if sent_via[text] != port:
                                outcome.crossings.append(wall - frame["sent_at"])
                elif kind == "state":
                    ready.set()
                elif kind == "error":
                    outcome.errors += 1
        except Exception:  # a closed connection: its missing deliveries count as lost
            ready.set()

    await asyncio.gather(*(open_client(r, path, p) for r, path in enumerate(rooms) for p in range(len(cookies))))
    readers = [asyncio.create_task(read(i, ws, ready, port)) for i, (_room, ws, ready, port) in enumerate(clients)]
    await asyncio.wait_for(asyncio.gather(*(ready.wait() for _r, _ws, ready, _p in clients)), timeout=120)
    await asyncio.sleep(1)  # let the presence broadcasts of the joins settle
    by_room: dict[int, list] = {}
    for room, ws, _ready, port in clients:
        by_room.setdefault(room, []).append((ws, port))

    async def speak(room: int) -> None:
        members = by_room[room]
        start = loop_start + room / len(rooms)  # rooms spread over the second, as people would be
        for tick in range(duration):
            await asyncio.sleep(max(0.0, start + tick - time.perf_counter()))
            text = f"bench {room}.{tick}"
            sender, sent_via[text] = members[tick % len(members)]  # rotate: nobody trips the rate limit
            sent_at[text] = time.perf_counter()
            outcome.sent += 1
            outcome.expected += len(members)
            await sender.send(json.dumps({"type": "message.send", "text": text}))

    loop_start = time.perf_counter()
    await asyncio.gather(*(speak(r) for r in by_room))
    deadline = time.perf_counter() + DRAIN_SECONDS
    while len(outcome.latencies) < outcome.expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    for _room, ws, _ready, _port in clients:
        await ws.close()
    for task in readers:
        task.cancel()
    await asyncio.gather(*readers, return_exceptions=True)
    return outcome


# --- Report ------------------------------------------------------------------------------------------


@dataclass
class Row:
    load: str
    server: str
    layer: str
    outcome: Outcome
    factor: float | None = None  # budget: fan-out p99 <= factor x baseline fan-out p99
    baseline_p99: float | None = None  # the baseline's fan-out p99, ms

    @property
    def passed(self) -> bool:
        o = self.outcome
        if o.lost or o.errors or len(o.fanouts) != len(o.latencies):  # every delivery must carry sent_at
            return False
        return self.factor is None or o.fanout_quantile(99) <= self.factor * self.baseline_p99


def report(rows: list[Row], duration: int) -> str:
    lines = [
        f"Mentoring rooms: one message per room per second for {duration} s, loopback. End to end = from "
        "just before the client sends to each client's receipt (for Semilla: access check and database "
        "write, then the broadcast). Fan-out = from the server's broadcast (`sent_at`, stamped as the sender's "
        "process starts it: its own sockets first, then the layer to the other processes; the baseline as it "
        "starts its broadcast) to each client's receipt, same clock. Budgets apply to fan-out p99 and loss. "
        f'"{TWO_PROCESSES}": two Daphne processes sharing Redis, each room\'s clients taking turns between them.',
        "",
        "| Load (rooms x clients) | Server | Layer | Messages | Deliveries | End-to-end p50 ms "
        "| End-to-end p99 ms | Fan-out p50 ms | Fan-out p99 ms | Lost | Budget (fan-out) | Result |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        o = row.outcome
        budget = (
            "0 lost (reference)"
            if row.factor is None
            else (f"p99 <= {row.factor:g} x {row.baseline_p99:.1f} = {row.factor * row.baseline_p99:.1f} ms, 0 lost")
        )
        lost = f"{o.lost}" + (f" (+{o.errors} errors)" if o.errors else "")
        unstamped = len(o.latencies) - len(o.fanouts)
        if unstamped:
            lost += f" ({unstamped} without sent_at)"
        lines.append(
            f"| {row.load} | {row.server} | {row.layer} | {o.sent} | {len(o.latencies)} | "
            f"{o.quantile(50):.1f} | {o.quantile(99):.1f} | "
            f"{o.fanout_quantile(50):.1f} | {o.fanout_quantile(99):.1f} | {lost} | {budget} | "
            f"{'PASS' if row.passed else 'FAIL'} |"
        )
    for row in rows:
        if row.outcome.crossings:
            crossing = Outcome(fanouts=row.outcome.crossings)
            lines.append(
                f"\n{row.load}, {row.layer}: the {len(crossing.fanouts)} fan-outs to a client of the other "
                f"process (through Redis): p50 {crossing.fanout_quantile(50):.1f} ms, "
                f"p99 {crossing.fanout_quantile(99):.1f} ms."
            )
    return "\n".join(lines)


def parse_loads(text: str) -> list[tuple[int, int]]:
    loads = []
    for part in text.split(","):
        rooms, clients = part.lower().split("x")
        loads.append((int(rooms), int(clients)))
    return loads


def run_server(
    *, name: str, redis: bool, processes: int, rooms: int, people: list, cookies: list[str], duration: int
) -> Outcome:
    """One run of the load against the baseline or against Daphne (one or more processes) with one layer."""
    if name == "baseline":
        with Server("baseline") as server:
            return asyncio.run(run_load([server.port], [f"/room/{r}" for r in range(rooms)], cookies, duration))
    session_ids = bench_sessions(rooms, people)
    paths = [f"/ws/mentorias/{pk}/" for pk in session_ids]
    try:
        with contextlib.ExitStack() as stack:
            servers = [stack.enter_context(Server("daphne", redis=redis)) for _ in range(processes)]
            return asyncio.run(run_load([server.port for server in servers], paths, cookies, duration))
    finally:
        bench_cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", default="20x10,50x10", help="rooms x clients, comma-separated")
    parser.add_argument("--duration", type=int, default=10, help="seconds of messages per load (max 60)")
    parser.add_argument("--output", help="also write the Markdown table to this file")
    parser.add_argument("--baseline-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline_server:
        asyncio.run(baseline_server(args.baseline_server))
        return 0
    duration = max(1, min(args.duration, 60))
    loads = parse_loads(args.loads)

    django_setup()
    # (name, Redis?, Daphne processes, budget factor). With two processes the clients of every room take turns
    # between them, so about half of each room's deliveries cross Redis to the other process.
    layers = [("in-memory", False, 1, BUDGET_MEMORY)]
    if os.environ.get("REDIS_URL"):
        layers += [("Redis", True, 1, BUDGET_REDIS), (TWO_PROCESSES, True, 2, BUDGET_REDIS)]
    rows: list[Row] = []
    bench_cleanup()
    try:
        for rooms, clients in loads:
            label = f"{rooms} x {clients}"
            people = bench_people(clients)
            cookies = [session_cookie(p) for p in people]
            # Each server runs twice for half the time, in the order A B C C B A: a drift of the machine's load
            # during the run (other programs, CPU frequency) then weighs on every server alike.
            servers = [("baseline", False, 1), *((name, redis, n) for name, redis, n, _factor in layers)]
            parts: dict[str, list[Outcome]] = {name: [] for name, _redis, _n in servers}
            for name, redis, processes in servers + servers[::-1]:
                parts[name].append(
                    run_server(
                        name=name,
                        redis=redis,
                        processes=processes,
                        rooms=rooms,
                        people=people,
                        cookies=cookies,
                        duration=max(1, duration // 2),
                    )
                )
            base = Outcome.merged(parts["baseline"])
            rows.append(Row(label, "bare `websockets` broadcast", "-", base))
            for name, _redis, _n, factor in layers:
                rows.append(
                    Row(
                        label,
                        "Semilla (Daphne, room consumer)",
                        name,
                        Outcome.merged(parts[name]),
                        factor,
                        base.fanout_quantile(99),
                    )
                )
    finally:
        bench_cleanup()
    table = report(rows, duration)
    print(table)
    if args.output:
        Path(args.output).write_text(table + "\n", encoding="utf-8")
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
