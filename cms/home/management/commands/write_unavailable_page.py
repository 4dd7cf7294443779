"""`manage.py write_unavailable_page DIR`: the "Volvemos enseguida" page as a static file, DIR/503.html.

The front server shows it when no worker answers (nginx `error_page 502 503 504`): the same page, in the same
layout and words, that Django shows when the database or Redis is down (cms/errors.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.template import loader


class Command(BaseCommand):
    help = "Escribe la página «Volvemos enseguida» (503.html) en una carpeta, para el servidor frontal."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="La carpeta donde escribir 503.html.")

    def handle(self, *args, directory: str, **options) -> None:
        target = Path(directory)
        target.mkdir(parents=True, exist_ok=True)
        (target / "503.html").write_text(loader.get_template("503.html").render(), encoding="utf-8")
