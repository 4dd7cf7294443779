"""Photos of receipts and handovers: checked by content with the project's rules before anything is written."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from incubator.milestones.uploads import MAX_PHOTO_BYTES, MB, photo_reencode


def photo_check(upload: UploadedFile) -> bytes:
    """The photo (<= 5 MB, JPEG/PNG/WebP by content) re-encoded as a fresh JPEG without EXIF (no GPS position).
    Raises ValidationError; reads at most 5 MB + 1 byte."""
    too_large = ValidationError(_("La foto es muy grande: el máximo es %(mb)s MB.") % {"mb": MAX_PHOTO_BYTES // MB},
                                code="too_large")
    if upload.size is not None and upload.size > MAX_PHOTO_BYTES:
        raise too_large
    upload.seek(0)
    data = upload.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise too_large
    return photo_reencode(data)
