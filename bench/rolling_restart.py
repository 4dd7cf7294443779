"""Faults and a rolling restart under load, against the running stack (`make stack` first):

1. an HTTP worker is killed (SIGKILL) while requests run: gunicorn replaces it, and every request that failed
   works when the client tries again;
2. a rolling restart (`docker/stack.sh restart`: each HTTP worker in turn, then each Daphne in turn) while
   signed-in learners read pages and a room of people talk through nginx's /ws/.

HTTP: --clients signed-in learners request a lesson and their dashboard back to back; a request that fails
(connection error, or 502/503/504 from nginx) is tried again up to --retries times, half a second apart. Lost =
still failing after that. Room: one message a second from a person in turn; the sender waits for its own
message to come back and sends it again if its socket dropped first (the browser's room script does the same);
every socket reconnects through nginx on a drop and replays from the last message it saw. Lost = a message
some person never received by the end.

Prints a table and exits 1 if anything was lost. Usage:
    .venv/bin/python bench/rolling_restart.py [--clients 10] [--people 6]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

import httpx
from stackkit import ROOT, RoomClient, close_rooms, django_setup, open_room, session_cookie, wait_until

BASE = "http://127.0.0.1:8080"
RUN = ROOT / ".stack" / "run"
RETRY_PAUSE = 0.5
CONFIRM_SECONDS = 10.0
PEOPLE = ["mentora", "aprendiz", "luzmarina", "yenifer", "rosaelvira", "yusmary", "analucia", "leidy"]


@dataclass
class Phase:
    name: str
    requests: int = 0
    failed_first: int = 0  # failed at least once, then worked on a retry
    lost: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


@dataclass
class Load:
    phase: Phase
    phases: list[Phase] = field(default_factory=list)
    running: bool = True

    def enter(self, name: str) -> None:
        self.phase = Phase(name)
        self.phases.append(self.phase)


async def reader(load: Load, cookie: str, paths: list[str], retries: int) -> None:
    async with httpx.AsyncClient(timeout=60, headers={"Cookie": cookie}, follow_redirects=False) as client:
        turn = 0
        while load.running:
            path = paths[turn % len(paths)]
            turn += 1
            phase = load.phase
            phase.requests += 1
            for attempt in range(retries + 1):
                try:
                    response = await client.get(f"{BASE}{path}")
                    status = str(response.status_code)
                except httpx.TransportError as exc:
                    status = type(exc).__name__
                if status == "200":
                    if attempt:
                        phase.failed_first += 1
                    break
                phase.statuses[status] = phase.statuses.get(status, 0) + 1
                await asyncio.sleep(RETRY_PAUSE)
            else:
                phase.lost += 1


@dataclass
class Room:
    clients: list[RoomClient]
    sent: list[str] = field(default_factory=list)
    resends: int = 0


async def speaker(room: Room, load: Load) -> None:
    """One message a second, from each person in turn; each confirmed by its own echo or sent again."""
    pending: list[asyncio.Task] = []
    number = 0
    while load.running:
        sender = room.clients[number % len(room.clients)]
        text = f"reinicio {number}"
        number += 1
        room.sent.append(text)
        pending.append(asyncio.create_task(deliver(room, sender, text)))
        await asyncio.sleep(1.0)
    await asyncio.gather(*pending)


async def deliver(room: Room, sender: RoomClient, text: str) -> None:
    for attempt in range(30):
        if attempt:
            room.resends += 1
        if await sender.send(text) and await wait_until(lambda: text in sender.seen, timeout=CONFIRM_SECONDS):
            return
        await wait_until(lambda: sender.ready.is_set(), timeout=CONFIRM_SECONDS)


def http_worker_pids() -> list[int]:
    master = (RUN / "http.pid").read_text().strip()
    found = subprocess.run(["pgrep", "-P", master], capture_output=True, text=True, check=False).stdout
    return [int(pid) for pid in found.split()]


def workers_ready(count: int) -> bool:
    return len(list((RUN / "http-ready").iterdir())) >= count


NGINX_LOG = ROOT / ".stack" / "logs" / "nginx-error.log"
CUT_SHORT = ("prematurely closed", "reset by peer")


def requests_cut_short(since: int) -> int:
    """Requests nginx saw cut off by a worker (its error log, from byte `since` on)."""
    with NGINX_LOG.open("rb") as log:
        log.seek(since)
        text = log.read().decode("utf-8", "replace")
    return sum(1 for line in text.splitlines() if any(mark in line for mark in CUT_SHORT))


async def kill_a_worker(load: Load) -> str:
    """Stop a worker (SIGSTOP) so the requests nginx sends it wait there, then kill it (SIGKILL): they are
    cut off mid-way, nginx answers 503, and the clients try again."""
    pids = http_worker_pids()
    victim = pids[0]
    log_size = NGINX_LOG.stat().st_size
    os.kill(victim, signal.SIGSTOP)
    await asyncio.sleep(2)  # requests reach it over nginx's kept-alive connections and hang there
    os.kill(victim, signal.SIGKILL)
    replaced = await wait_until(
        lambda: victim not in http_worker_pids() and len(http_worker_pids()) == len(pids) and workers_ready(len(pids)),
        timeout=120,
        step=0.2,
    )
    cut = requests_cut_short(log_size)
    return f"worker {victim} killed with {cut} requests in it (nginx log); {'replaced' if replaced else 'NOT replaced'}"


def prepare(args) -> tuple[int, dict[str, str], list[str], list[str]]:
    """Django's ORM is synchronous: the room, the sessions and the pages are made before the event loop runs."""
    from cms.accounts.models import User
    from lms.courses.models import LessonPage

    people = list(User.objects.filter(username__in=PEOPLE[: args.people]))
    lessons = [page.url for page in LessonPage.objects.live().order_by("path")[:3]]
    learner = User.objects.get(username="aprendiz")
    cookies = {person.username: session_cookie(person) for person in people}
    session_id = open_room("mentora", [p.username for p in people if p.username != "mentora"])
    reader_cookies = [session_cookie(learner) for _ in range(args.clients)]
    return session_id, cookies, reader_cookies, [*lessons, "/inicio/"]


async def run(args, session_id: int, cookies: dict[str, str], reader_cookies: list[str], paths: list[str]) -> int:
    load = Load(Phase("warm-up"))
    load.phases.append(load.phase)
    room = Room([RoomClient(f"ws://127.0.0.1:8080/ws/mentorias/{session_id}/", BASE, c, n) for n, c in cookies.items()])
    sockets = [asyncio.create_task(c.run()) for c in room.clients]
    if not await wait_until(lambda: all(c.ready.is_set() for c in room.clients), timeout=60):
        print("the room's sockets did not open", file=sys.stderr)
        return 1
    readers = [asyncio.create_task(reader(load, cookie, paths, args.retries)) for cookie in reader_cookies]
    talk = asyncio.create_task(speaker(room, load))
    await asyncio.sleep(args.settle)
    notes = []

    load.enter("kill -9 an HTTP worker")
    notes.append(await kill_a_worker(load))
    await asyncio.sleep(args.settle)

    load.enter("rolling restart")
    started = time.monotonic()
    restart = await asyncio.create_subprocess_exec(str(ROOT / "docker" / "stack.sh"), "restart", cwd=ROOT)
    code = await restart.wait()
    notes.append(f"docker/stack.sh restart exited {code} after {time.monotonic() - started:.0f} s")
    load.enter("after")
    await asyncio.sleep(args.settle)

    load.running = False
    await asyncio.gather(*readers)
    await talk
    everyone = await wait_until(lambda: all(set(room.sent) <= c.seen for c in room.clients), timeout=60)
    for c in room.clients:
        await c.close()
    await asyncio.gather(*sockets, return_exceptions=True)

    print("\n| phase | requests | failed, then worked on retry | lost | failures seen |")
    print("|---|---:|---:|---:|---|")
    for phase in load.phases:
        seen = ", ".join(f"{k}: {v}" for k, v in sorted(phase.statuses.items())) or "-"
        print(f"| {phase.name} | {phase.requests} | {phase.failed_first} | {phase.lost} | {seen} |")
    deliveries = len(room.sent) * len(room.clients)
    missing = sum(len(set(room.sent) - c.seen) for c in room.clients)
    print(
        f"\nRoom: {len(room.sent)} messages to {len(room.clients)} people through nginx /ws/: "
        f"{deliveries - missing} of {deliveries} deliveries, {missing} lost; "
        f"{sum(c.reconnects for c in room.clients)} reconnects, {room.resends} messages sent again."
    )
    for note in notes:
        print(f"- {note}")
    print(f"- load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    lost = sum(p.lost for p in load.phases) + missing
    ok = lost == 0 and everyone and code == 0 and all("NOT" not in n for n in notes)
    print("\nPASS" if ok else "\nFAIL")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=10, help="signed-in readers requesting pages")
    parser.add_argument("--people", type=int, default=6, help="people in the room (2 to 8)")
    parser.add_argument("--retries", type=int, default=10, help="tries again per request before it counts as lost")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds of load before and after each fault")
    args = parser.parse_args()
    django_setup()
    try:
        return asyncio.run(run(args, *prepare(args)))
    finally:
        close_rooms()


if __name__ == "__main__":
    sys.exit(main())
