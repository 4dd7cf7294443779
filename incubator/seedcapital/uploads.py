"""Photos of receipts and handovers: checked by content with the project's rules before anything is written."""

from django.core.files.uploadedfile import UploadedFile

from cms.uploads import image_bytes_read
from incubator.milestones.uploads import MAX_PHOTO_BYTES, photo_reencode


def photo_check(upload: UploadedFile) -> bytes:
    """The photo (<= 5 MB, JPEG/PNG/WebP by content, pixels checked from its header) re-encoded as a fresh JPEG
    without EXIF (no GPS position). Raises ValidationError; reads at most 5 MB + 1 byte."""
    return photo_reencode(image_bytes_read(upload, max_bytes=MAX_PHOTO_BYTES))
