"""Small typed readers for environment variables that fail loudly on bad values."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, got {raw!r}") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


# Second-level suffixes under which a name is registered one level deeper (a simple stand-in for the
# Public Suffix List, enough for the deployments Semilla expects; no network, no dependency).
_SECOND_LEVEL_SUFFIXES = frozenset(
    {
        "com.ec",
        "org.ec",
        "gob.ec",
        "gov.ec",
        "edu.ec",
        "net.ec",
        "info.ec",
        "mil.ec",
        "fin.ec",
        "med.ec",
        "co.uk",
        "org.uk",
        "gov.uk",
        "ac.uk",
        "com.co",
        "org.co",
        "gov.co",
        "edu.co",
        "com.pe",
        "org.pe",
        "gob.pe",
        "com.ar",
        "org.ar",
        "gob.ar",
        "com.mx",
        "org.mx",
        "gob.mx",
        "com.br",
        "org.br",
        "gov.br",
        "com.ve",
        "org.ve",
        "gob.ve",
        "com.au",
        "org.au",
        "co.nz",
        "co.jp",
        "com.es",
        "org.es",
        "gob.es",
    }
)


def registrable_domain(host: str) -> str:
    """The name a host was registered under: its site for cookies and WebSockets.

    h5p.semilla.org.ec -> semilla.org.ec; app.example.org -> example.org; an IP address is its own site.
    """
    host = host.strip().rstrip(".").lower()
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return host
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL_SUFFIXES else 2
    return ".".join(labels[-keep:])
