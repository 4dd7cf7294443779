"""Two Daphne processes sharing one Redis: a message sent through one reaches a client on the other.

Runs only when REDIS_URL is set (CI's second pass). Both servers use one SQLite file, migrated here."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REDIS_URL = os.environ.get("REDIS_URL", "")
ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL (a shared Redis for the channel layer)")

SETUP = """
from datetime import timedelta
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from cms.accounts.models import User
from cms.accounts.services import user_role_set
from incubator.mentoring.services import session_schedule

def cookie(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key

mentor = User.objects.create_user("mentora-x", password="clave-segura-123")
learner = User.objects.create_user("aprendiz-x", password="clave-segura-123")
user_role_set(user=mentor, role="mentor")
user_role_set(user=learner, role="aprendiz")
start = timezone.now()
session = session_schedule(by=mentor, topic="Dos procesos", starts_at=start, ends_at=start + timedelta(hours=1),
                           mentors=[mentor], participants=[learner])
print("RESULT " + __import__("json").dumps({"session": session.pk, "mentor": cookie(mentor),
                                            "learner": cookie(learner)}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne on {port} exited: {process.stderr.read().decode()[-2000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"daphne on {port} did not start")


@pytest.fixture
def shared_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "SQLITE_NAME": str(tmp_path / "shared.sqlite3"),
            "REDIS_URL": REDIS_URL,
            "SEMILLA_TESTING": "1",
            "AXES_ENABLED": "0",
        }
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True, timeout=300)
    out = subprocess.run(
        [*manage, "shell", "-c", SETUP], env=env, cwd=ROOT, check=True, timeout=120, capture_output=True, text=True
    ).stdout
    data = json.loads(out.split("RESULT ", 1)[1])
    return env, data


@pytest.fixture
def two_daphnes(shared_env):
    env, data = shared_env
    daphne = str(Path(sys.executable).with_name("daphne"))
    ports = [_free_port(), _free_port()]
    env = {**env, "SEMILLA_WS_ALLOWED_ORIGINS": ",".join(f"http://127.0.0.1:{port}" for port in ports)}
    processes = [
        subprocess.Popen(
            [daphne, "-b", "127.0.0.1", "-p", str(port), "cms.asgi:application"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process)
        yield ports, data
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


async def _open(port: int, session_id: int, cookie: str, last_seen_id: int | None = None):
    import websockets

    ws = await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/mentorias/{session_id}/",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": f"sessionid={cookie}"},
    )
    await ws.send(json.dumps({"type": "hello", "last_seen_id": last_seen_id}))
    return ws


async def _until(ws, kind: str, timeout: float = 10) -> dict:
    async with asyncio.timeout(timeout):
        while True:
            frame = json.loads(await ws.recv())
            if frame["type"] == kind:
                return frame


def test_a_message_crosses_from_one_daphne_to_the_other(two_daphnes):
    (port_a, port_b), data = two_daphnes

    async def scenario():
        mentor = await _open(port_a, data["session"], data["mentor"])
        learner = await _open(port_b, data["session"], data["learner"])
        await _until(mentor, "state")
        await _until(learner, "state")
        await mentor.send(json.dumps({"type": "message.send", "text": "Hola desde el proceso A"}))
        got = await _until(learner, "message")
        assert got["message"]["text"] == "Hola desde el proceso A"
        # The learner drops; two messages go out through process A; the learner returns through A and
        # gets each missed message exactly once.
        seen = got["message"]["id"]
        await learner.close()
        for text in ("uno", "dos"):
            await mentor.send(json.dumps({"type": "message.send", "text": text}))
            await _until(mentor, "message")
        back = await _open(port_a, data["session"], data["learner"], last_seen_id=seen)
        history = await _until(back, "history")
        assert [m["text"] for m in history["messages"]] == ["uno", "dos"]
        await back.close()
        await mentor.close()

    asyncio.run(scenario())


def test_a_client_that_drops_after_messages_from_both_processes_misses_none(two_daphnes):
    """Messages posted through both processes at once may reach a client out of order (a higher seq first).
    The client drops, comes back with the last seq up to which it holds everything, and ends up with every
    message exactly once: seqs 1..N without a gap."""
    (port_a, port_b), data = two_daphnes
    per_author = 5

    def contiguous_of(seqs: set[int]) -> int:
        top = 0
        while top + 1 in seqs:
            top += 1
        return top

    async def post_all(ws, prefix: str) -> None:
        for n in range(per_author):
            await ws.send(json.dumps({"type": "message.send", "text": f"{prefix} {n}"}))
            got = await _until(ws, "message")
            while not got["message"]["text"].startswith(prefix):
                got = await _until(ws, "message")

    async def scenario():
        mentor = await _open(port_a, data["session"], data["mentor"])
        learner = await _open(port_b, data["session"], data["learner"])
        watcher = await _open(port_b, data["session"], data["learner"])
        for ws in (mentor, learner, watcher):
            await _until(ws, "state")
        posting = asyncio.gather(post_all(mentor, "A"), post_all(learner, "B"))
        seqs: dict[int, str] = {}
        while len(seqs) < 3:  # some messages from either process, then the watcher drops
            message = (await _until(watcher, "message"))["message"]
            seqs[message["seq"]] = message["text"]
        await watcher.close()
        await posting
        back = await _open(port_a, data["session"], data["learner"])
        await back.send(json.dumps({"type": "replay", "last_seq": contiguous_of(set(seqs))}))
        await _until(back, "history")  # the hello's
        history = await _until(back, "history")
        for message in history["messages"]:
            assert seqs.setdefault(message["seq"], message["text"]) == message["text"]
        assert sorted(seqs) == list(range(1, 2 * per_author + 1))
        assert sorted(seqs.values()) == sorted(f"{p} {n}" for p in "AB" for n in range(per_author))
        for ws in (back, mentor, learner):
            await ws.close()

    asyncio.run(scenario())
