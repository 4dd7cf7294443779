"""Check uploads by their content (never by their name) and re-encode photos before anything is written.

Photos go through the project's image rule (cms.uploads): bytes, format by content, pixels from the header,
a bounded decode.
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from cms.uploads import MB, image_bytes_read, image_decode, image_format_of

MAX_PHOTO_BYTES = 5 * MB
MAX_PDF_BYTES = 10 * MB
MAX_AUDIO_BYTES = 10 * MB
MAX_UPLOAD_BYTES = max(MAX_PHOTO_BYTES, MAX_PDF_BYTES, MAX_AUDIO_BYTES)
EVIDENCE_PHOTO_SIDE = 2000
PROTOTYPE_PHOTO_SIDE = 1280
PROTOTYPE_PHOTO_BYTES = 200 * 1024


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks: its bytes (photos already re-encoded) and what it really is."""

    content: bytes
    kind: str  # "foto", "pdf" or "audio" (Evidence.Kind values)
    content_type: str
    extension: str


def _read(upload: UploadedFile, limit: int) -> bytes:
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("El archivo es muy grande: el máximo es %(mb)s MB.") % {"mb": limit // MB}, code="too_large"
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            _("El archivo es muy grande: el máximo es %(mb)s MB.") % {"mb": limit // MB}, code="too_large"
        )
    return data


def audio_type_of(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) for MP3, OGG, M4A and WAV by their magic bytes, else None."""
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg", ".mp3"
    if head.startswith(b"OggS"):
        return "audio/ogg", ".ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav", ".wav"
    if head[4:8] == b"ftyp" and head[8:11] in (b"M4A", b"mp4", b"iso", b"MP4", b"3gp"):
        return "audio/mp4", ".m4a"
    return None


def _to_rgb(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)  # on the already shrunk image
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    # Re-encoding drops EXIF, including the GPS position phones write into photos.
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def photo_reencode(data: bytes, *, max_side: int = EVIDENCE_PHOTO_SIDE) -> bytes:
    """The photo as a fresh JPEG no larger than max_side pixels. Raises ValidationError if it is not one."""
    return _jpeg(_to_rgb(image_decode(data, max_side=max_side)), 85)


def photo_compress(
    data: bytes, *, max_side: int = PROTOTYPE_PHOTO_SIDE, max_bytes: int = PROTOTYPE_PHOTO_BYTES
) -> tuple[bytes, int, int]:
    """A JPEG of at most max_side px and max_bytes: quality steps down, then the size if still too big."""
    image = _to_rgb(image_decode(data, max_side=max_side))
    while True:
        for quality in (85, 75, 65, 55, 45, 35):
            encoded = _jpeg(image, quality)
            if len(encoded) <= max_bytes:
                return encoded, image.width, image.height
        image = image.resize((max(1, image.width * 3 // 4), max(1, image.height * 3 // 4)))


def evidence_check(upload: UploadedFile) -> CheckedFile:
    """Accept a photo (<= 5 MB), a PDF or an audio (<= 10 MB) by content; raise ValidationError otherwise."""
    data = _read(upload, MAX_UPLOAD_BYTES)
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return CheckedFile(data, "pdf", "application/pdf", ".pdf")
    audio = audio_type_of(head)
    if audio:
        return CheckedFile(data, "audio", audio[0], audio[1])
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("La foto es muy grande: el máximo es %(mb)s MB.") % {"mb": MAX_PHOTO_BYTES // MB}, code="too_large"
        )
    if image_format_of(data) is None:
        raise ValidationError(
            _("Sube una foto (JPG, PNG o WebP), un PDF o un audio (MP3, OGG, M4A o WAV)."), code="unknown_type"
        )
    # A photo with too many pixels or broken data says so, instead of "upload a photo".
    return CheckedFile(photo_reencode(data), "foto", "image/jpeg", ".jpg")


def prototype_photo_check(upload: UploadedFile) -> tuple[bytes, int, int]:
    """A prototype photo (<= 5 MB in), compressed to <= 200 KB and 1280 px. Raises ValidationError."""
    return photo_compress(image_bytes_read(upload, max_bytes=MAX_PHOTO_BYTES))
