"""`manage.py demo_ready --url … --content-url …`: wait until the server answers, then say where it is.

`make run` starts Daphne in the background and runs this, so "Semilla está lista" appears only once the
site really answers (it used to be printed before Daphne listened)."""

import os
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from incubator.demo.selectors import demo_accounts_text

POLL_SECONDS = 0.25


def answers(url: str) -> bool:
    """True when something serves HTTP at url (any status: a 404 or a redirect is an answer too)."""
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


def alive(pid: int | None) -> bool:
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Command(BaseCommand):
    help = "Espera a que el servidor responda y muestra las direcciones y las cuentas de demostración."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", required=True, help="La dirección del sitio, p. ej. http://127.0.0.1:8000/")
        parser.add_argument("--content-url", help="La dirección de las actividades H5P (origen aislado).")
        parser.add_argument("--pid", type=int, help="El proceso del servidor: si termina, deja de esperar.")
        parser.add_argument("--timeout", type=float, default=300, help="Segundos de espera como máximo.")

    def handle(self, *args, url: str, content_url: str | None, pid: int | None, timeout: float, **options):
        deadline = time.monotonic() + timeout
        for target in filter(None, (url, content_url)):
            while not answers(target):
                if not alive(pid):
                    raise CommandError(f"El servidor se detuvo antes de responder en {target}.")
                if time.monotonic() > deadline:
                    raise CommandError(f"El servidor no respondió en {target} después de {timeout:.0f} s.")
                time.sleep(POLL_SECONDS)
        site = url.rstrip("/")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Semilla está lista en {site}/"))
        self.stdout.write(f"Administración (Wagtail): {site}/admin/")
        if content_url:
            self.stdout.write(f"Actividades H5P (origen aislado): {content_url.rstrip('/')}/")
        self.stdout.write("")
        self.stdout.write(f"Cuentas de demostración (contraseña: {settings.SEMILLA_DEMO_PASSWORD}):")
        self.stdout.write(demo_accounts_text())
        self.stdout.write("")
        self.stdout.write("Para detener el servidor: Ctrl+C")
