"""/media/ serves Wagtail images and their renditions, which are public, and nothing else of MEDIA_ROOT.

Everything else stored there (evidence, certificates, prototype and seed capital photos, H5P packages)
is served only by a view that checks who asks. A request here must name one file directly inside
images/ or original_images/ that the database knows as an image or a rendition; anything else is 404.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model

# One ASCII file name, no folders: Wagtail writes both folders flat. No leading dot, no "..".
IMAGE_PATH = re.compile(r"(?P<folder>images|original_images)/(?P<name>\w[\w.-]{0,254})", re.ASCII)
IMAGE_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "avif": "image/avif",
}


def _known_image_file(folder: str, stored_name: str) -> bool:
    Image = get_image_model()
    model = Image if folder == "original_images" else Image.get_rendition_model()
    return model.objects.filter(file=stored_name).exists()


@require_safe
def public_image(request, path: str):
    match = IMAGE_PATH.fullmatch(path)
    if match is None or ".." in path:
        raise Http404
    folder, name = match["folder"], match["name"]
    content_type = IMAGE_TYPES.get(name.rsplit(".", 1)[-1].lower())
    if content_type is None or not _known_image_file(folder, f"{folder}/{name}"):
        raise Http404
    if not isinstance(default_storage, FileSystemStorage):
        # Media on object storage (SEMILLA_MEDIA_S3_BUCKET): the file's own short-lived signed address.
        return redirect(default_storage.url(f"{folder}/{name}"))
    directory = (Path(settings.MEDIA_ROOT) / folder).resolve()
    full = (directory / name).resolve()
    if full.parent != directory or not full.is_file():  # a symlink out of the folder is not followed
        raise Http404
    response = FileResponse(full.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{name}"'  # name holds no quote: see IMAGE_PATH
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response
