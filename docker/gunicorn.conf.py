"""gunicorn for Semilla's HTTP: several uvicorn worker processes running cms.asgi (`make stack`, docker/).

    gunicorn -c docker/gunicorn.conf.py cms.asgi:application

WebSockets go to Daphne (nginx sends /ws/ there); these workers serve every other request. The master
replaces a worker that dies (killed, out of memory, stuck past `timeout`), and on SIGHUP starts new workers
and lets the old ones finish what they hold. Every value can be set from the environment.
"""

import multiprocessing
import os
from pathlib import Path

bind = os.environ.get("SEMILLA_HTTP_BIND", "127.0.0.1:8090")
# One process per core and one more, so a core never waits while a worker is between requests.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "cms.gunicorn_worker.Worker"
# A request still running after this many seconds is stuck: its worker is killed and replaced.
timeout = int(os.environ.get("SEMILLA_HTTP_TIMEOUT_SECONDS", 60))
graceful_timeout = int(os.environ.get("SEMILLA_HTTP_GRACEFUL_SECONDS", 30))
# Longer than nginx's upstream keepalive_timeout, so nginx always closes an idle connection first.
keepalive = 75
backlog = 2048
# Recycle a worker now and then (staggered) so slow leaks never grow unbounded.
max_requests = int(os.environ.get("SEMILLA_HTTP_MAX_REQUESTS", 20000))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("SEMILLA_HTTP_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("SEMILLA_HTTP_LOG_LEVEL", "warning")
pidfile = os.environ.get("SEMILLA_HTTP_PIDFILE") or None
proc_name = "semilla-http"
_ready_dir = os.environ.get("SEMILLA_HTTP_READY_DIR")


def post_worker_init(worker):
    """A worker that has loaded the application leaves its pid in SEMILLA_HTTP_READY_DIR (when set): the
    rolling restart waits for the new worker's mark before it replaces the next one."""
    if _ready_dir:
        Path(_ready_dir, str(worker.pid)).touch()


def child_exit(server, worker):
    if _ready_dir:
        Path(_ready_dir, str(worker.pid)).unlink(missing_ok=True)
