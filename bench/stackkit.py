"""What bench/stack_smoke.py and bench/rolling_restart.py share: the running stack's variables, Django set up
against its database (to open a mentoring room for the check), a sign-in through the front server, and a
room client that reconnects and replays what it missed, as the site's own room script does.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK_ENV = ROOT / ".stack" / "env"
TOPIC_PREFIX = "stack-check"
DEMO_PASSWORD = "semilla-demo"


def load_stack_env() -> dict[str, str]:
    """The variables `make stack` wrote, put into this process's environment (before Django is set up)."""
    if not STACK_ENV.is_file():
        sys.exit("No .stack/env: start the stack first (make stack).")
    values = {}
    for line in STACK_ENV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    os.environ.update(values)
    return values


def django_setup() -> None:
    load_stack_env()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()


def session_cookie(user) -> str:
    """A signed-in session for `user`, made directly (the way bench/mentoring.py does): Cookie header value."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def open_room(mentor_username: str, learner_usernames: list[str]) -> int:
    """A mentoring session open now, with the demo mentor and these learners: the room's id."""
    from datetime import timedelta

    from django.utils import timezone

    from cms.accounts.models import User
    from incubator.mentoring.services import session_schedule

    mentor = User.objects.get(username=mentor_username)
    learners = list(User.objects.filter(username__in=learner_usernames))
    start = timezone.now() - timedelta(minutes=1)
    session = session_schedule(
        by=mentor,
        topic=f"{TOPIC_PREFIX} {start:%H:%M:%S}",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        mentors=[mentor],
        participants=learners,
    )
    return session.pk


def close_rooms() -> None:
    from incubator.mentoring.models import MentoringSession

    MentoringSession.objects.filter(topic__startswith=TOPIC_PREFIX).delete()


def sign_in(client, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    """The login form, as a browser sends it (CSRF token from the page). Raises if it does not sign in."""
    page = client.get(f"{base_url}/cuenta/entrar/")
    page.raise_for_status()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if not token:
        raise RuntimeError("the login page has no CSRF token")
    response = client.post(
        f"{base_url}/cuenta/entrar/",
        data={"csrfmiddlewaretoken": token.group(1), "username": username, "password": password, "next": ""},
        headers={"Referer": f"{base_url}/cuenta/entrar/"},
    )
    if response.status_code != 302 or "entrar" in response.headers.get("location", ""):
        raise RuntimeError(f"sign-in as {username} failed: {response.status_code}")


@dataclass
class RoomClient:
    """One person in a room over one socket at a time: on a drop it reconnects (any server) and replays
    from the last message it saw, as the room's script in the browser does. `seen` holds every text received."""

    url: str
    origin: str
    cookie: str
    name: str
    seen: set[str] = field(default_factory=set)
    last_seq: int | None = None
    reconnects: int = 0
    errors: list[str] = field(default_factory=list)
    ws: object = None
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    closing: bool = False

    async def run(self) -> None:
        from websockets.asyncio.client import connect

        while not self.closing:
            try:
                async with connect(
                    self.url,
                    origin=self.origin,
                    additional_headers={"Cookie": self.cookie},
                    open_timeout=30,
                    ping_interval=None,
                    max_queue=None,
                ) as ws:
                    self.ws = ws
                    hello: dict = {"type": "hello"}
                    if self.last_seq is not None:
                        hello["last_seq"] = self.last_seq  # the server replays every message after it
                    await ws.send(json.dumps(hello))
                    async for raw in ws:
                        self._take(json.loads(raw))
            except Exception as exc:  # a drop (restart) or a refused handshake: try again
                if not self.closing:
                    self.errors.append(type(exc).__name__)
            self.ws = None
            self.ready.clear()
            if not self.closing:
                self.reconnects += 1
                await asyncio.sleep(0.2)

    def _take(self, frame: dict) -> None:
        kind = frame.get("type")
        if kind == "message":
            self._message(frame["message"])
        elif kind == "history":
            for message in frame.get("messages", []):
                self._message(message)
            if self.last_seq is None:
                self.last_seq = frame.get("after_seq", 0)
        elif kind == "state":
            self.ready.set()

    def _message(self, message: dict) -> None:
        self.seen.add(message["text"])
        self.last_seq = max(self.last_seq or 0, message["seq"])

    async def send(self, text: str) -> bool:
        """Send a room message on the current socket; False if there is none right now."""
        ws = self.ws
        if ws is None or not self.ready.is_set():
            return False
        try:
            await ws.send(json.dumps({"type": "message.send", "text": text}))
        except Exception:
            return False
        return True

    async def close(self) -> None:
        self.closing = True
        if self.ws is not None:
            await self.ws.close()


async def wait_until(condition, timeout: float, step: float = 0.05) -> bool:
    """Poll `condition()` until it is true or `timeout` seconds pass (no fixed sleeps in the checks)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            return False
        await asyncio.sleep(step)
    return True
