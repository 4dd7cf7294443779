"""A smoke journey through the running stack's front server (`make stack` first; .ci/run runs it):

1. static files from nginx: a hashed name cached a year (immutable) and sent compressed;
2. a demo learner signs in through nginx and opens a lesson;
3. X-Forwarded-For: a value the client wrote does not become its address (one trusted hop);
4. a room message crosses the two Daphne processes (one socket on each, straight to its port; rooms cross
   them through Redis), and one more through nginx's /ws/;
5. a background job finishes, when the jobs engineer's django-tasks work is in (`manage.py db_worker`);
   skipped with a note otherwise.

Prints one line per check; exits 1 if any failed. Usage: .venv/bin/python bench/stack_smoke.py
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import subprocess
import sys
import time
import uuid

import httpx
from stackkit import ROOT, RoomClient, close_rooms, django_setup, open_room, session_cookie, sign_in, wait_until

BASE = "http://127.0.0.1:8080"
DAPHNE_PORTS = (8091, 8092)
LEARNER, MENTOR = "aprendiz", "mentora"
results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((name, ok, detail))
    print(f"{'PASS' if ok else 'FAIL'}  {name}{'  (' + detail + ')' if detail else ''}", flush=True)


def static_files(client: httpx.Client) -> None:
    page = client.get(f"{BASE}/cuenta/entrar/").text
    css = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page)
    if not css:
        check("static: the page links a hashed stylesheet", False)
        return
    response = client.get(f"{BASE}{css.group(1)}", headers={"Accept-Encoding": "gzip"})
    cache = response.headers.get("cache-control", "")
    check("static: hashed name cached a year, immutable", response.status_code == 200 and "immutable" in cache, cache)
    check("static: compressed", response.headers.get("content-encoding") == "gzip", response.headers.get("server", ""))


def lesson(client: httpx.Client) -> None:
    from lms.courses.models import LessonPage

    sign_in(client, BASE, LEARNER)
    check("sign in as a demo learner", True, LEARNER)
    path = LessonPage.objects.live().order_by("path").first().url
    response = client.get(f"{BASE}{path}")
    check("open a lesson", response.status_code == 200, f"{path} {response.status_code}")


def forwarded_for() -> None:
    """A client that writes X-Forwarded-For itself is still known by the address nginx saw (127.0.0.1):
    a failed sign-in is recorded (django-axes) under the address cms/client_ip.py found."""
    from axes.models import AccessAttempt

    username = f"stack-xff-{uuid.uuid4().hex[:8]}"  # nobody: the attempt is recorded all the same
    try:
        with httpx.Client(follow_redirects=False, timeout=30, headers={"X-Forwarded-For": "203.0.113.9"}) as client:
            with contextlib.suppress(RuntimeError):
                sign_in(client, BASE, username, "clave-equivocada")
        addresses = set(AccessAttempt.objects.filter(username=username).values_list("ip_address", flat=True))
        check("X-Forwarded-For: one trusted hop", addresses == {"127.0.0.1"}, f"recorded {sorted(addresses)}")
    finally:
        AccessAttempt.objects.filter(username=username).delete()


def room(learner_cookie: str) -> None:
    from cms.accounts.models import User

    mentor_cookie = session_cookie(User.objects.get(username=MENTOR))
    session_id = open_room(MENTOR, [LEARNER])
    try:
        asyncio.run(room_messages(f"/ws/mentorias/{session_id}/", mentor_cookie, learner_cookie))
    finally:
        close_rooms()


async def room_messages(path: str, mentor_cookie: str, learner_cookie: str) -> None:
    clients = [
        RoomClient(f"ws://127.0.0.1:{DAPHNE_PORTS[0]}{path}", BASE, mentor_cookie, "mentora@daphne-1"),
        RoomClient(f"ws://127.0.0.1:{DAPHNE_PORTS[1]}{path}", BASE, learner_cookie, "aprendiz@daphne-2"),
        RoomClient(f"ws://127.0.0.1:8080{path}", BASE, learner_cookie, "aprendiz@nginx"),
    ]
    tasks = [asyncio.create_task(c.run()) for c in clients]
    try:
        ready = await wait_until(lambda: all(c.ready.is_set() for c in clients), timeout=60)
        check("room: three sockets open (Daphne 1, Daphne 2, nginx /ws/)", ready, ", ".join(c.name for c in clients))
        if not ready:
            return
        for sender, text in ((clients[0], "hola desde daphne-1"), (clients[1], "hola desde daphne-2")):
            await sender.send(text)
            got = await wait_until(lambda text=text: all(text in c.seen for c in clients), timeout=30)
            missing = [c.name for c in clients if text not in c.seen]
            check(f"room: {sender.name}'s message reaches everyone", got, f"missing: {missing}" if missing else "")
    finally:
        for c in clients:
            await c.close()
        await asyncio.gather(*tasks, return_exceptions=True)


def background_job() -> None:
    """Hook for the background jobs (django-tasks): runs only once `manage.py db_worker` exists."""
    has_worker = (
        subprocess.run(
            [sys.executable, "manage.py", "help", "db_worker"], cwd=ROOT, capture_output=True, check=False
        ).returncode
        == 0
    )
    if not has_worker:
        print("SKIP  background job: no `manage.py db_worker` yet (django-tasks not merged)", flush=True)
        return
    from bench.stack_tasks import stack_smoke_ping

    result = stack_smoke_ping.enqueue("hola")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        result.refresh()
        if result.status.name not in ("READY", "NEW", "RUNNING"):
            break
        time.sleep(0.5)
    check("background job finishes", result.status.name in ("SUCCEEDED", "SUCCESSFUL", "COMPLETE"), result.status.name)


def main() -> int:
    django_setup()
    with httpx.Client(follow_redirects=False, timeout=30) as client:
        static_files(client)
        lesson(client)
        learner_cookie = f"sessionid={client.cookies['sessionid']}"
    forwarded_for()
    room(learner_cookie)
    background_job()
    failed = [name for name, ok, _detail in results if not ok]
    print(f"\n{len(results) - len(failed)} of {len(results)} checks passed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
