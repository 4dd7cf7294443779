"""`make run` says the site is ready only once it answers, and lists every demo account (issue 16, item 16)."""

import io
import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from cms.accounts.models import User
from cms.accounts.roles import Role
from incubator.demo.selectors import demo_accounts

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class _Ok(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = HTTPServer(("127.0.0.1", 0), _Ok)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    thread.join()


def _closed_port_url() -> str:
    httpd = HTTPServer(("127.0.0.1", 0), _Ok)
    port = httpd.server_port
    httpd.server_close()
    return f"http://127.0.0.1:{port}/"


def test_demo_ready_prints_the_addresses_and_every_account_once_the_server_answers(db, server):
    out = io.StringIO()
    call_command("demo_ready", url=server, content_url=server, stdout=out)
    text = out.getvalue()
    assert f"Semilla está lista en {server}" in text
    for username in ("aprendiz", "mentora", "jurado", "jurado2", "jurado3", "coordinadora", "admin", "dayana"):
        assert re.search(rf"^  {username} +\S", text, re.M), username


def test_demo_ready_does_not_say_ready_when_the_server_stopped_before_answering(db):
    stopped = subprocess.Popen(["true"])
    stopped.wait()
    out = io.StringIO()
    with pytest.raises(CommandError, match="se detuvo"):
        call_command("demo_ready", url=_closed_port_url(), pid=stopped.pid, stdout=out)
    assert "lista" not in out.getvalue()


def test_make_run_waits_for_the_server_before_saying_it_is_ready():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "lista" not in recipe  # no echo before the servers listen: demo_ready says it
    assert recipe.index("-m cms.embedded") < recipe.index("& \\") < recipe.index("manage.py demo_ready")


def test_the_list_holds_every_account_the_demo_creates_with_its_role(db):
    call_command("demo_load", stdout=io.StringIO())
    call_command("demo_load_incubator", stdout=io.StringIO())
    listed = {account.username: account for account in demo_accounts()}
    assert set(listed) == set(User.objects.values_list("username", flat=True))
    assert listed["jurado2"].role == Role.JURY.label and listed["admin"].role == Role.ADMIN.label
    assert listed["mentora"].role == Role.MENTOR.label and listed["aprendiz"].role == Role.LEARNER.label
    assert listed["dayana"].ventures == ("Arepas La Caraqueña",)


def test_the_readme_table_names_every_demo_account(db):
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("Demo accounts") : readme.index("The incubator demo")]
    for account in demo_accounts():
        assert f"`{account.username}`" in section, account.username
