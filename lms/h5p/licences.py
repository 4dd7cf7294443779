"""Licence notices of the H5P player, read from the installed npm package (never copied here)."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Notice:
    name: str
    licence: str
    summary: str
    text: str


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError:
        return ""


def h5p_player_notices() -> list[Notice]:
    package = Path(settings.H5P_PLAYER_DIR).parent
    return [
        Notice("h5p-standalone", "MIT", _("El reproductor que muestra las actividades."), _read(package / "LICENSE")),
        Notice(
            "H5P core (h5p-php-library, h5p-editor)",
            "GPL-3.0",
            _("El núcleo de H5P que el reproductor incluye. Es software libre bajo la licencia GPL versión 3."),
            _read(package / "dist" / "main.bundle.js.LICENSE.txt"),
        ),
    ]
