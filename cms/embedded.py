"""The embedded default's servers, as `make run` starts them: both cores for HTTP, no server to install.

    python -m cms.embedded [--host 127.0.0.1] [--port 8000] [--content-port 8001] [--sockets-port 8002]
                           [--workers 2] [--no-jobs]

- HTTP (the site on --port, the H5P content origin on --content-port): gunicorn with --workers uvicorn
  worker processes (docker/gunicorn.conf.py, the production shape's own configuration), one per core;
- WebSockets: one Daphne on --sockets-port of the same host; the rooms' script opens its sockets there
  (`{% sockets_port %}`), the CSP allows it (connect-src), and the Origin check is unchanged: the handshake's
  Origin is the page's, SITE_URL's;
- background jobs (PDFs, imports: cms/jobs): `manage.py db_worker`, unless --no-jobs.

What must be the same in every process is shared without Redis, PostgreSQL or nginx (cms/settings.py):
- the cache, so sessions (cached_db), the page tree's version stamp and Wagtail's site paths: a directory
  beside the SQLite database (cms.cache.SharedFileCache), emptied here at the start; manage.py commands run
  meanwhile use it too. SQLite already holds everything else (e.g. the sign-in throttles);
- room broadcasts made outside Daphne (the plain no-JavaScript forms in an HTTP worker, jobs): posted to
  Daphne over loopback with a secret made for this run (cms/realtime/relay.py).

SIGTERM, SIGINT or SIGHUP stops every process; if one of them ends by itself, the others are stopped and the
exit status is 1. The pid of this process is the one to wait for (`make run` hands it to demo_ready).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_SECONDS = 20
# Requests inside Django at once in each HTTP worker (cms/admission.py): enough to overlap a database wait,
# few enough that threads do not fight over the GIL and SQLite's write lock when a burst arrives.
HTTP_CONCURRENCY = 4


def local_address(host: str) -> str:
    """Where the other processes reach Daphne: the host itself, or loopback when it listens everywhere."""
    return "127.0.0.1" if host in ("", "0.0.0.0") else ("::1" if host == "::" else host)  # noqa: S104


def shared_cache_dir() -> str:
    """The directory every process caches in (cms/settings.py), "" when the cache is not a directory."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    from django.conf import settings

    cache = settings.CACHES["default"]
    return cache["LOCATION"] if cache["BACKEND"] == "cms.cache.SharedFileCache" else ""


def environment(args, secret: str) -> tuple[dict[str, str], dict[str, str]]:
    """(Daphne's environment, the other processes'): the same, but only the others post to the relay."""
    site = f"http://{args.host}:{args.port}"
    common = {
        **os.environ,
        "SITE_URL": os.environ.get("SITE_URL", site),
        "H5P_CONTENT_ORIGIN": os.environ.get("H5P_CONTENT_ORIGIN", f"http://{args.host}:{args.content_port}"),
        "SEMILLA_SOCKETS_PORT": str(args.sockets_port),
        "SEMILLA_RELAY_SECRET": secret,
    }
    common.pop("SEMILLA_RELAY_URL", None)
    key_file = Path(os.environ.get("SEMILLA_SECRET_KEY_FILE", ROOT / ".secret_key"))
    if not common.get("SECRET_KEY") and not key_file.is_file():
        # Without the file each process would make up a key of its own, and no session would cross them.
        common["SECRET_KEY"] = secrets.token_urlsafe(50)
    relay = f"http://{local_address(args.host)}:{args.sockets_port}"
    others = {**common, "SEMILLA_RELAY_URL": relay}
    others.setdefault("SEMILLA_HTTP_CONCURRENCY", str(HTTP_CONCURRENCY))
    return common, others


def commands(args) -> list[tuple[str, list[str], bool]]:
    """(name, command, posts to the relay) of each process, in the order they start."""
    bin_dir = Path(sys.executable).parent
    found = [
        (
            "daphne",
            [str(bin_dir / "daphne"), "-b", args.host, "-p", str(args.sockets_port), "cms.asgi:application"],
            False,
        ),
        (
            "gunicorn",
            [
                str(bin_dir / "gunicorn"),
                "-c",
                "docker/gunicorn.conf.py",
                "-b",
                f"{args.host}:{args.port}",
                "-b",
                f"{args.host}:{args.content_port}",
                "-w",
                str(args.workers),
                # No front server keeps connections for the workers here: an idle browser's connection is
                # closed after 5 s (uvicorn's default), so connections spread over the workers as they come.
                "--keep-alive",
                "5",
                "cms.asgi:application",
            ],
            True,
        ),
    ]
    if args.jobs:
        found.append(
            (
                "db_worker",
                [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "1", "--verbosity", "0"],
                True,
            )
        )
    return found


class Stop(Exception):
    pass


def _stop_signal(signum, frame):
    raise Stop(signum)


def stop_all(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--content-port", type=int, default=8001)
    parser.add_argument("--sockets-port", type=int, default=8002)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1), help="HTTP worker processes")
    parser.add_argument("--no-jobs", dest="jobs", action="store_false", help="no background job worker")
    args = parser.parse_args(argv)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, _stop_signal)
    cache_dir = shared_cache_dir()
    if cache_dir:  # nothing cached by an earlier run (e.g. before the database was made again) is trusted
        shutil.rmtree(cache_dir, ignore_errors=True)
    daphne_env, others_env = environment(args, secrets.token_urlsafe(32))
    processes: dict[str, subprocess.Popen] = {}
    status = 0
    try:
        for name, command, posts in commands(args):
            processes[name] = subprocess.Popen(command, cwd=ROOT, env=others_env if posts else daphne_env)
        print(
            f"HTTP: gunicorn, {args.workers} procesos (http://{args.host}:{args.port}/); WebSockets: Daphne "
            f"(ws://{args.host}:{args.sockets_port}/)",
            flush=True,
        )
        while True:
            ended = [name for name, process in processes.items() if process.poll() is not None]
            if ended:
                code = processes[ended[0]].returncode
                print(f"{ended[0]} terminó (código {code}); deteniendo el resto", file=sys.stderr)
                status = 1
                break
            time.sleep(0.5)
    except Stop:
        pass
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl+C must not leave processes behind
        stop_all(processes)
    return status


if __name__ == "__main__":
    sys.exit(main())
