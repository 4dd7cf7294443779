"""The front server's configuration (docker/nginx.conf.template), run by Debian's nginx against a stand-in
upstream: one trusted X-Forwarded-For hop, static files cached by name, compression, and the Spanish page when
no worker answers. Skipped where nginx is not installed (.ci/run installs it)."""

import getpass
import gzip
import http.server
import os
import shutil
import socket
import string
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Echo(http.server.BaseHTTPRequestHandler):
    """The HTTP workers' stand-in: answers with the X-Forwarded-For and Host it received."""

    def do_GET(self):
        body = f"{self.headers.get('X-Forwarded-For')}|{self.headers.get('Host')}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def front(tmp_path):
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    static, errors, temp = tmp_path / "static", tmp_path / "errors", tmp_path / "tmp"
    for folder in (static, errors, temp):
        folder.mkdir()
    (static / "site.0123456789ab.css").write_text("body { color: green; }\n" * 100)
    (static / "site.css").write_text("body { color: green; }\n" * 100)
    (errors / "503.html").write_text("<h1>Volvemos enseguida</h1>", encoding="utf-8")
    tmp_path.chmod(0o755)  # nginx's workers (another user when run as root) read these
    port, content_port = _free_port(), _free_port()
    values = {
        "SEMILLA_LISTEN": f"127.0.0.1:{port}",
        "SEMILLA_SITE_HOST": "127.0.0.1",
        "SEMILLA_CONTENT_LISTEN": f"127.0.0.1:{content_port}",
        "SEMILLA_CONTENT_HOST": "localhost",
        "SEMILLA_HTTP_UPSTREAM": f"127.0.0.1:{upstream.server_address[1]}",
        "SEMILLA_DAPHNE_1": f"127.0.0.1:{_free_port()}",  # nobody listens: /ws/ finds no Daphne
        "SEMILLA_DAPHNE_2": f"127.0.0.1:{_free_port()}",
        "SEMILLA_STATIC_ROOT": str(static),
        "SEMILLA_ERROR_ROOT": str(errors),
        "SEMILLA_FORWARDED_PROTO": "$scheme",
    }
    template = (ROOT / "docker" / "nginx.conf.template").read_text(encoding="utf-8")
    (tmp_path / "semilla.conf").write_text(string.Template(template).safe_substitute(values))
    main = (ROOT / "docker" / "nginx-main.conf.template").read_text(encoding="utf-8")
    main_values = {
        "SEMILLA_NGINX_USER": "root" if os.geteuid() == 0 else getpass.getuser(),
        "SEMILLA_NGINX_RUN": str(tmp_path),
        "SEMILLA_NGINX_LOGS": str(tmp_path),
        "SEMILLA_NGINX_TEMP": str(temp),
        "SEMILLA_NGINX_SITE": str(tmp_path / "semilla.conf"),
    }
    (tmp_path / "nginx.conf").write_text(string.Template(main).safe_substitute(main_values))
    log = tmp_path / "nginx-error.log"
    process = subprocess.Popen([NGINX, "-g", "daemon off;", "-c", str(tmp_path / "nginx.conf"), "-e", str(log)])
    try:
        _wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        upstream.shutdown()


def _wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text() if log.exists() else "nginx exited"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("nginx did not listen")


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_the_client_written_forwarded_for_is_replaced_by_the_address_nginx_saw(front):
    status, _headers, body = _get(f"{front}/inicio/", **{"X-Forwarded-For": "203.0.113.9"})
    assert status == 200
    forwarded, host = body.decode().split("|")
    assert forwarded == "127.0.0.1"  # exactly one hop: TRUSTED_PROXY_COUNT=1 reads this
    assert host == front.removeprefix("http://")


def test_hashed_static_files_are_immutable_for_a_year_and_others_for_minutes(front):
    status, headers, _body = _get(f"{front}/static/site.0123456789ab.css")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    status, headers, _body = _get(f"{front}/static/site.css")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=300"


def test_static_files_are_sent_compressed(front):
    status, headers, body = _get(f"{front}/static/site.css", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"body { color: green; }")


def test_no_server_behind_answers_503_with_the_spanish_page(front):
    status, headers, body = _get(f"{front}/ws/ping/")
    assert status == 503
    assert "Volvemos enseguida" in body.decode()
    assert headers["Cache-Control"] == "no-store"
