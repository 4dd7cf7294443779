"""Views of the content origin: the player page and package files, reached only with a signed token."""

import json
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseForbidden
from django.shortcuts import render
from django.templatetags.static import static
from django.utils._os import safe_join
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from lms.h5p.models import H5PActivity
from lms.h5p.selectors import h5p_state_for
from lms.h5p.signing import H5PTokenError, h5p_token_read

# Library JavaScript needs inline code and eval; that is why it lives on an origin of its own.
PLAYER_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; "
    "frame-src 'self'; worker-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors {main}"
)
# Package files are data for the player, never pages: should one be opened as a document (a script
# navigating its frame to an SVG, say), it runs no script, loads nothing and cannot be framed elsewhere.
PACKAGE_FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'"

# The types a package file is served with, by extension; anything else (HTML, XML, SWF...) is not served.
# Types that a browser shows in place are inline; documents are always downloaded.
PACKAGE_FILE_TYPES: dict[str, tuple[str, bool]] = {
    "js": ("text/javascript; charset=utf-8", True),
    "css": ("text/css; charset=utf-8", True),
    "json": ("application/json", True),
    "png": ("image/png", True),
    "jpg": ("image/jpeg", True),
    "jpeg": ("image/jpeg", True),
    "gif": ("image/gif", True),
    "bmp": ("image/bmp", True),
    "svg": ("image/svg+xml", True),
    "webm": ("video/webm", True),
    "mp4": ("video/mp4", True),
    "ogg": ("audio/ogg", True),
    "mp3": ("audio/mpeg", True),
    "m4a": ("audio/mp4", True),
    "wav": ("audio/wav", True),
    "vtt": ("text/vtt; charset=utf-8", True),
    "webvtt": ("text/vtt; charset=utf-8", True),
    "eot": ("application/vnd.ms-fontobject", True),
    "ttf": ("font/ttf", True),
    "otf": ("font/otf", True),
    "woff": ("font/woff", True),
    "woff2": ("font/woff2", True),
    "txt": ("text/plain; charset=utf-8", True),
    "pdf": ("application/pdf", False),
    "csv": ("text/csv; charset=utf-8", False),
    "doc": ("application/octet-stream", False),
    "docx": ("application/octet-stream", False),
    "xls": ("application/octet-stream", False),
    "xlsx": ("application/octet-stream", False),
    "ppt": ("application/octet-stream", False),
    "pptx": ("application/octet-stream", False),
    "odt": ("application/octet-stream", False),
    "ods": ("application/octet-stream", False),
    "odp": ("application/octet-stream", False),
}


def _grant(token: str, activity_id: int | None = None):
    try:
        grant = h5p_token_read(token)
    except H5PTokenError:
        return None
    if activity_id is not None and grant.activity_id != activity_id:
        return None
    return grant


def _main_origin() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@require_GET
@xframe_options_exempt
def player(request, token: str):
    grant = _grant(token)
    if grant is None:
        return HttpResponseForbidden("Enlace vencido o no válido.", content_type="text/plain; charset=utf-8")
    activity = H5PActivity.objects.filter(pk=grant.activity_id).first()
    if activity is None:
        raise Http404
    state = h5p_state_for(user_id=grant.user_id, activity_id=activity.pk, lesson_id=grant.lesson_id)
    config = {
        "h5pJsonPath": f"/h5p-contenido/{token}/paquete",
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "id": f"actividad-{activity.pk}",
        "parentOrigin": _main_origin(),
        "token": token,
        "previousState": state or "",
    }
    response = render(request, "h5p/player.html", {"activity": activity, "config": json.dumps(config)})
    response["Content-Security-Policy"] = PLAYER_POLICY.format(main=_main_origin())
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def package_file(request, token: str, path: str):
    grant = _grant(token)
    if grant is None:
        return HttpResponseForbidden("Enlace vencido o no válido.", content_type="text/plain; charset=utf-8")
    activity = H5PActivity.objects.filter(pk=grant.activity_id).only("sha256").first()
    if activity is None:
        raise Http404
    try:
        full = Path(safe_join(Path(settings.H5P_ROOT) / activity.sha256, path))
    except Exception as exc:  # SuspiciousFileOperation: a path outside the package
        raise Http404 from exc
    kind = PACKAGE_FILE_TYPES.get(full.suffix.lower().lstrip("."))
    if kind is None or not full.is_file():
        raise Http404
    content_type, inline = kind
    response = FileResponse(full.open("rb"), content_type=content_type, as_attachment=not inline, filename=full.name)
    response["Content-Security-Policy"] = PACKAGE_FILE_POLICY
    response["Cache-Control"] = f"private, max-age={min(settings.H5P_URL_MAX_AGE_SECONDS, 3600)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
