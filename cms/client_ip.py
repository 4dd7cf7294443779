"""The one place that says which address a request came from (axes, throttles and logs all ask here).

A client can write any X-Forwarded-For it likes, so the header is believed only as far as the proxies we run
put it there. Each proxy appends the address it received the request from; reading from the right, we skip
our own proxies and the next address is the client. Settings:

- TRUSTED_PROXY_COUNT (default 0): how many proxies of ours stand in front of Daphne. 0 = nobody: the socket
  peer is the client and X-Forwarded-For is ignored.
- TRUSTED_PROXIES: the proxies' addresses or networks. When set, the header is read only when the socket peer
  is one of them, and every address of theirs is skipped from the right.

Daphne must run without --proxy-headers, or it replaces the socket peer with the header's left-most address,
the one the client chose.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    address = address.strip()
    if address.startswith("[") and "]" in address:  # [v6]:port
        address = address[1 : address.index("]")]
    elif address.count(":") == 1:  # v4:port
        address = address.split(":", 1)[0]
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as our own proxies saw it; never one the client wrote itself."""
    peer = request.META.get("REMOTE_ADDR") or None
    proxies = tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ())
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if not proxies and count <= 0:
        return peer
    forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies:
        return _client_behind_known_proxies(peer, forwarded, _networks(proxies))
    # Exactly `count` proxies: the last of them appended the client's address at position -count.
    if len(forwarded) < count:
        return peer  # not sent through all our proxies; the only address we know for sure is the peer
    found = _parse(forwarded[-count])
    return str(found) if found else peer


def _client_behind_known_proxies(peer, forwarded, networks) -> str | None:
    peer_ip = _parse(peer or "")
    if peer_ip is None or not any(peer_ip in n for n in networks):
        return peer  # not from one of our proxies: whatever it wrote in the header does not count
    for raw in reversed(forwarded):
        address = _parse(raw)
        if address is None:
            return peer
        if not any(address in n for n in networks):
            return str(address)
    return peer
