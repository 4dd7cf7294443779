"""Room broadcasts from other processes into the WebSocket process, without Redis (the embedded default).

`make run` serves HTTP with several worker processes (gunicorn's uvicorn workers, both cores) and every
WebSocket with one Daphne process (cms/embedded.py). A room message sent with the plain forms is saved by
an HTTP worker, whose broadcast (cms.realtime.broadcast_on_commit -> channel layer group_send) must reach the
sockets in Daphne. In-memory channel layers live in one process, so:

- the HTTP workers and the job worker use RelayChannelLayer: its group_send posts the group message, as
  JSON, to Daphne over loopback (one short HTTP request, a new connection each time: broadcasts from forms
  are rare next to page views) and waits for the answer, so a failure is logged by the caller;
- Daphne answers those posts with RelayEndpoint (wired in cms/asgi.py in front of Django): from loopback
  only, with the secret the launcher gave both sides (SEMILLA_RELAY_SECRET), it hands the message to its own
  in-memory layer's group_send, which reaches the room's hub and sockets as a broadcast made there would.

Everything else of a channel layer (send, receive, groups) stays in memory in each process: only a
WebSocket process has consumers, and /healthz's round trip still runs in the process it asks. With
REDIS_URL (the production shape) none of this is used: Redis carries the group messages between processes.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from urllib.parse import urlsplit

from django.conf import settings

from cms.realtime.layers import CountingInMemoryChannelLayer

logger = logging.getLogger("semilla")

RELAY_PATH = "/_semilla/relay/group-send/"
SECRET_HEADER = b"x-semilla-relay"
MAX_BODY_BYTES = 512 * 1024
TIMEOUT_SECONDS = 5.0
LOOPBACK = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}


class RelayError(Exception):
    """The WebSocket process did not take a relayed group message."""


class RelayChannelLayer(CountingInMemoryChannelLayer):
    """In-memory channel layer whose group messages go to the WebSocket process (RelayEndpoint) instead.

    CONFIG: `url` (the WebSocket process's loopback address, e.g. http://127.0.0.1:8002) and `secret`."""

    def __init__(self, *, url: str, secret: str, timeout: float = TIMEOUT_SECONDS, **kwargs):
        super().__init__(**kwargs)
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname or not secret:
            raise ValueError("RelayChannelLayer needs an http:// url and a secret")
        self.host, self.port = parts.hostname, parts.port or 80
        self.secret = secret
        self.timeout = timeout

    async def group_send(self, group, message):
        await self.group_send_except(group, message, None)

    async def group_send_except(self, group: str, message: dict, skip: str | None) -> None:
        """Post the message to the WebSocket process. `skip` names a channel of this process: none is there."""
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        body = json.dumps({"group": group, "message": message}, separators=(",", ":")).encode()
        async with asyncio.timeout(self.timeout):
            status = await self._post(body)
        if status != 204:
            raise RelayError(f"the WebSocket process answered {status} to a relayed message for {group}")

    async def _post(self, body: bytes) -> int:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            head = (
                f"POST {RELAY_PATH} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                f"X-Semilla-Relay: {self.secret}\r\nConnection: close\r\n\r\n"
            )
            writer.write(head.encode("latin1") + body)
            await writer.drain()
            status_line = await reader.readline()
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass
        try:
            return int(status_line.split()[1])
        except (IndexError, ValueError):
            raise RelayError(f"unreadable answer from the WebSocket process: {status_line[:80]!r}") from None


def relay_secret() -> str:
    """The secret a relayed message must carry; "" when this process takes none (Redis, tests, HTTP workers)."""
    if getattr(settings, "SEMILLA_RELAY_URL", ""):
        return ""  # this process sends through the relay: it is not the WebSocket process
    return getattr(settings, "SEMILLA_RELAY_SECRET", "")


class RelayEndpoint:
    """ASGI middleware in front of the HTTP application: takes relayed group messages at RELAY_PATH (POST,
    loopback, secret) and sends them through this process's channel layer. Every other request passes on,
    and so does this path when no secret is configured (then it is an ordinary 404)."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path") != RELAY_PATH:
            return await self.application(scope, receive, send)
        secret = relay_secret()
        if not secret:
            return await self.application(scope, receive, send)
        status = await self._take(scope, receive, secret)
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    async def _take(self, scope, receive, secret: str) -> int:
        client = (scope.get("client") or ("", 0))[0]
        given = dict(scope.get("headers") or ()).get(SECRET_HEADER, b"")
        if client not in LOOPBACK or not hmac.compare_digest(given, secret.encode()):
            return 403
        if scope.get("method") != "POST":
            return 405
        body = await _read_body(receive)
        if body is None:
            return 413
        try:
            data = json.loads(body)
            group, message = data["group"], data["message"]
            if not isinstance(group, str) or not isinstance(message, dict):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            return 400
        from channels.layers import get_channel_layer

        layer = get_channel_layer()
        if layer is None:
            return 503
        try:
            await layer.group_send(group, message)
        except Exception:
            logger.exception("relayed group message for %s could not be sent", group)
            return 500
        return 204


async def _read_body(receive) -> bytes | None:
    """The request's body, or None once it passes MAX_BODY_BYTES."""
    chunks, size = [], 0
    while True:
        event = await receive()
        if event["type"] != "http.request":
            return b"".join(chunks)
        chunk = event.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        if not event.get("more_body"):
            return b"".join(chunks)
