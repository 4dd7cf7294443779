"""The WebSocket Origin check: a socket opens only from a page of the main site itself.

Channels' AllowedHostsOriginValidator compares the host alone against ALLOWED_HOSTS, so a page on another
port of the same host (the embedded H5P content server, any local program) or any other host the site
answers to (the H5P host in production) could open a room with the person's cookies. Here the origin must
equal one of settings.SEMILLA_WS_ALLOWED_ORIGINS (by default the origin of SITE_URL) in scheme, host and port.
"""

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def origin_key(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of a URL or origin, the port made explicit; None if it is not an http(s) origin."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not host:
        return None
    return scheme, host, port or DEFAULT_PORTS[scheme]


def allowed_origin_keys() -> set[tuple[str, str, int]]:
    """Read on every handshake, so a test may override the setting for its live server."""
    return {key for key in map(origin_key, settings.SEMILLA_WS_ALLOWED_ORIGINS) if key is not None}


def origin_allowed(origin: str) -> bool:
    key = origin_key(origin)
    return key is not None and key in allowed_origin_keys()


class SiteOriginValidator:
    """ASGI middleware: refuses (HTTP 403) a WebSocket handshake whose Origin is not the site's own."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket":
            return await self.application(scope, receive, send)
        origin = next((value for name, value in scope.get("headers", ()) if name == b"origin"), b"")
        if origin_allowed(origin.decode("latin1")):
            return await self.application(scope, receive, send)
        denier = WebsocketDenier()
        return await denier(scope, receive, send)
