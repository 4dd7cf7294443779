"""The embedded default never signs with a key committed to the repository (issue 15, item 13)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_KEY = "from django.conf import settings; print(settings.SECRET_KEY)"


def _secret_key(**env: str) -> str:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SEMILLA_ENV", "SECRET_KEY", "SEMILLA_TESTING", "SEMILLA_SECRET_KEY_FILE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings", **env)
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_KEY}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_development_server_reads_its_key_from_the_git_ignored_file(tmp_path):
    key_file = tmp_path / ".secret_key"
    key_file.write_text("k" * 10 + "a-random-value-written-once-by-make-run\n", encoding="utf-8")
    assert _secret_key(SEMILLA_SECRET_KEY_FILE=str(key_file)) == key_file.read_text().strip()


def test_without_the_file_each_process_gets_a_random_key_not_one_from_the_repository(tmp_path):
    missing = str(tmp_path / "missing")
    first, second = _secret_key(SEMILLA_SECRET_KEY_FILE=missing), _secret_key(SEMILLA_SECRET_KEY_FILE=missing)
    assert len(first) >= 50 and first != second
    source = (ROOT / "cms" / "settings.py").read_text(encoding="utf-8")
    assert first not in source and "django-insecure-semilla" not in source


def test_an_explicit_secret_key_wins_over_the_file(tmp_path):
    key_file = tmp_path / ".secret_key"
    key_file.write_text("from-the-file", encoding="utf-8")
    assert _secret_key(SECRET_KEY="from-the-environment", SEMILLA_SECRET_KEY_FILE=str(key_file)) == (
        "from-the-environment"
    )


def test_the_key_file_is_ignored_by_git_and_by_the_docker_build():
    assert "/.secret_key" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".secret_key" in (ROOT / "docker" / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\n.secret_key:\n" in makefile and "run: setup .secret_key" in makefile
