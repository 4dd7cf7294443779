"""`{% sockets_port %}`: the port of the WebSocket server when it is not the page's own, else nothing.

`make run` serves pages from gunicorn's workers and sockets from one Daphne on another port of the same host
(cms/embedded.py, SEMILLA_SOCKETS_PORT); a page's script then opens its socket on that port. Behind nginx
(`make stack`) and in tests the sockets share the page's origin, and this prints nothing."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def sockets_port() -> str:
    port = getattr(settings, "SEMILLA_SOCKETS_PORT", 0)
    return str(port) if port else ""
