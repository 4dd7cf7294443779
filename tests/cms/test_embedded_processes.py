"""The embedded default as `make run` starts it (cms/embedded.py): gunicorn's HTTP workers and one Daphne for the
sockets, real processes sharing one SQLite file, the cache directory and the room relay, no Redis.

What must cross processes: a room message sent with the plain form (an HTTP worker) reaches the sockets in
Daphne; a sign-out through the HTTP workers ends the session in Daphne; a page unpublished by another process
is not served stale. Daphne also serves HTTP on its own port (cms.asgi), which makes it the "other process"
these checks can address on purpose (gunicorn picks a worker by itself)."""

import asyncio
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]

SETUP = """
import json
from datetime import timedelta
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from cms.accounts.models import User
from cms.accounts.services import user_role_set
from incubator.mentoring.services import session_schedule
from tests.factories import build_course

def cookie(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key

people = {}
for name, role in (("mentora-e", "mentor"), ("aprendiz-e", "aprendiz"), ("sale-e", "aprendiz")):
    people[name] = User.objects.create_user(name, password="clave-segura-123")
    user_role_set(user=people[name], role=role)
start = timezone.now()
session = session_schedule(by=people["mentora-e"], topic="Procesos", starts_at=start,
                           ends_at=start + timedelta(hours=1), mentors=[people["mentora-e"]],
                           participants=[people["aprendiz-e"], people["sale-e"]])
course = build_course(modules=1, lessons_per_module=1)
print("RESULT " + json.dumps({"session": session.pk, "course": course.pk, "course_url": course.url,
                              **{name: cookie(user) for name, user in people.items()}}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("embedded")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "REDIS_SENTINELS")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "SQLITE_NAME": str(tmp / "shared.sqlite3"),
            "SEMILLA_TESTING": "1",  # the tests' hashers; their cache is local memory unless this:
            # One key for the set-up command and the servers (a clean clone has no .secret_key, and without it
            # every process would make up its own and read the others' sessions as corrupted).
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SEMILLA_CACHE_DIR": str(tmp / "cache"),
            "AXES_ENABLED": "0",
        }
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True, timeout=600)
    out = subprocess.run(
        [*manage, "shell", "-c", SETUP], env=env, cwd=ROOT, check=True, timeout=120, capture_output=True, text=True
    ).stdout
    data = json.loads(out.split("RESULT ", 1)[1])
    port, content_port, sockets_port = _free_port(), _free_port(), _free_port()
    log = (tmp / "servers.log").open("w+")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cms.embedded",
            "--port",
            str(port),
            "--content-port",
            str(content_port),
            "--sockets-port",
            str(sockets_port),
            "--workers",
            "2",
            "--no-jobs",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 120
        while not (_open(port) and _open(content_port) and _open(sockets_port)):
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"the embedded servers did not start: {log.read()[-3000:]}")
            time.sleep(0.2)
        yield {"env": env, "http": f"http://127.0.0.1:{port}", "daphne": f"http://127.0.0.1:{sockets_port}", **data}
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
    assert process.returncode == 0  # every server stopped when asked


def _cookies(session_key: str) -> dict:
    return {"sessionid": session_key}


def _csrf(client: httpx.Client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


async def _until(ws, kind: str, timeout: float = 20) -> dict:
    async with asyncio.timeout(timeout):
        while True:
            frame = json.loads(await ws.recv())
            if frame["type"] == kind:
                return frame


def test_the_room_page_points_its_script_at_daphne_and_the_policy_allows_it(embedded):
    with httpx.Client(base_url=embedded["http"], cookies=_cookies(embedded["aprendiz-e"])) as client:
        page = client.get(f"/mentorias/{embedded['session']}/")
    sockets_port = embedded["daphne"].rsplit(":", 1)[1]
    assert page.status_code == 200
    assert f'data-ws-port="{sockets_port}"' in page.text
    assert f"ws://127.0.0.1:{sockets_port}" in page.headers["content-security-policy"]


def test_a_message_sent_with_the_plain_form_reaches_the_sockets_in_daphne(embedded):
    import websockets

    room = f"/mentorias/{embedded['session']}/"
    ws_url = embedded["daphne"].replace("http://", "ws://") + f"/ws/mentorias/{embedded['session']}/"

    async def scenario():
        async with websockets.connect(
            ws_url, origin=embedded["http"], additional_headers={"Cookie": f"sessionid={embedded['aprendiz-e']}"}
        ) as ws:
            await ws.send(json.dumps({"type": "hello", "last_seen_id": None}))
            await _until(ws, "state")

            def post() -> httpx.Response:
                with httpx.Client(base_url=embedded["http"], cookies=_cookies(embedded["mentora-e"])) as client:
                    token = _csrf(client, room)
                    return client.post(
                        f"{room}mensajes/", data={"csrfmiddlewaretoken": token, "text": "Desde el formulario"}
                    )

            response = await asyncio.to_thread(post)
            assert response.status_code == 302
            got = await _until(ws, "message")
            assert got["message"]["text"] == "Desde el formulario"

    asyncio.run(scenario())


def test_a_sign_out_through_the_http_workers_ends_the_session_in_daphne(embedded):
    key = embedded["sale-e"]
    with httpx.Client(base_url=embedded["daphne"], cookies=_cookies(key)) as daphne:
        assert daphne.get("/mentorias/").status_code == 200  # Daphne has read (and cached) the session
        with httpx.Client(base_url=embedded["http"], cookies=_cookies(key)) as http:
            token = _csrf(http, "/mentorias/")
            assert http.post("/cuenta/salir/", data={"csrfmiddlewaretoken": token}).status_code == 302
        after = daphne.get("/mentorias/")
    assert after.status_code == 302
    assert "/cuenta/entrar/" in after.headers["location"]


def test_a_page_unpublished_by_another_process_is_not_served_stale(embedded):
    url = embedded["course_url"]
    unpublish = f"from lms.courses.models import CoursePage as C; C.objects.get(pk={embedded['course']}).unpublish()"
    with httpx.Client(base_url=embedded["daphne"]) as daphne, httpx.Client(base_url=embedded["http"]) as http:
        for _ in range(2):  # the route and the page's row are cached now
            assert daphne.get(url).status_code == 200
            assert http.get(url).status_code == 200
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "shell",
                "-c",
                unpublish,
            ],
            env=embedded["env"],
            cwd=ROOT,
            check=True,
            timeout=120,
        )
        assert daphne.get(url).status_code == 404
        assert http.get(url).status_code == 404
