"""Image uploads, checked the same way everywhere: bytes, format by content, pixels from the header only.

Pillow's Image.open reads only the header, so the pixel count is known before anything is decoded: a small
file that claims a huge picture (a decompression bomb, or just a 40-megapixel PNG) is refused before it
costs memory. Decoding is bounded as well: a JPEG is decoded already scaled down (draft mode), any other
format is capped by the pixel limit. Used by the Wagtail image form and by every photo the incubator takes.
"""

import io
import struct
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MB = 1024 * 1024
IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")
DECODE_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    Image.DecompressionBombError,
)


@dataclass(frozen=True)
class ImageHeader:
    """What the header of an accepted image says; nothing of it has been decoded."""

    format: str  # "JPEG", "PNG" or "WEBP"
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def _too_large(limit: int) -> ValidationError:
    return ValidationError(_("La foto es muy grande: el máximo es %(mb)s MB.") % {"mb": limit // MB}, code="too_large")


def _invalid() -> ValidationError:
    return ValidationError(_("El archivo no es una foto válida. Sube una foto JPG, PNG o WebP."), code="invalid_image")


def _too_many_pixels(pixels: int | None, limit: int) -> ValidationError:
    values = {"max": number_format(limit / 1_000_000, 1)}
    if pixels is None:
        return ValidationError(
            _("La foto tiene demasiados píxeles: el máximo es %(max)s megapíxeles. Achícala y vuelve a subirla.")
            % values,
            code="pixels",
        )
    values["mp"] = number_format(pixels / 1_000_000, 1)
    return ValidationError(
        _("La foto tiene %(mp)s megapíxeles y el máximo es %(max)s. Achícala y vuelve a subirla.") % values,
        code="pixels",
    )


def image_format_of(data: bytes) -> str | None:
    """ "JPEG", "PNG" or "WEBP" by the file's first bytes (its magic number), else None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def image_bytes_read(upload: UploadedFile, *, max_bytes: int | None = None) -> bytes:
    """The upload's bytes, reading at most max_bytes + 1 (the declared size is not trusted). Raises
    ValidationError when it is larger; max_bytes defaults to SEMILLA_MAX_IMAGE_BYTES."""
    limit = max_bytes or settings.SEMILLA_MAX_IMAGE_BYTES
    if upload.size is not None and upload.size > limit:
        raise _too_large(limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise _too_large(limit)
    return data


def image_header_check(data: bytes, *, max_pixels: int | None = None) -> ImageHeader:
    """Format by content (JPEG, PNG or WebP) and size from the header; pixels decoded: none.

    Raises ValidationError (codes invalid_image, pixels); max_pixels defaults to SEMILLA_MAX_IMAGE_PIXELS.
    """
    limit = max_pixels or settings.SEMILLA_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # Our own limit below is the one that speaks; Pillow's warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=IMAGE_FORMATS) as probe:
                header = ImageHeader(probe.format, probe.width, probe.height)
                if header.pixels <= limit:
                    probe.verify()  # PNG chunk checksums, read without decoding pixels
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels(None, limit) from exc
    except DECODE_ERRORS as exc:
        raise _invalid() from exc
    if header.pixels > limit:
        raise _too_many_pixels(header.pixels, limit)
    return header


def image_upload_check(
    upload: UploadedFile, *, max_bytes: int | None = None, max_pixels: int | None = None
) -> ImageHeader:
    """The project's rule for an uploaded image: size in bytes, format by content, pixels from the header.
    Raises ValidationError with a Spanish message; reads at most max_bytes + 1 bytes, decodes nothing."""
    return image_header_check(image_bytes_read(upload, max_bytes=max_bytes), max_pixels=max_pixels)


def image_decode(data: bytes, *, max_side: int, max_pixels: int | None = None) -> Image.Image:
    """The image, checked by image_header_check, decoded and shrunk to at most max_side pixels a side.

    A JPEG is decoded in draft mode (the decoder scales by 1/2, 1/4 or 1/8 while staying >= max_side), so
    its full size never sits in memory; other formats are bounded by the pixel limit. The result is RGB,
    RGBA or L, with its EXIF still in `info` (for orientation). Raises ValidationError.
    """
    header = image_header_check(data, max_pixels=max_pixels)
    try:
        image = Image.open(io.BytesIO(data), formats=(header.format,))
        if header.format == "JPEG":
            image.draft(None, (max_side, max_side))
        image.load()
        if image.mode not in ("RGB", "RGBA", "L"):
            # Palette and 1-bit images would be shrunk pixel by pixel (nearest): convert them first.
            alpha = "A" in image.getbands() or "transparency" in image.info
            image = image.convert("RGBA" if alpha else "RGB")
        image.thumbnail((max_side, max_side))
    except DECODE_ERRORS as exc:
        raise _invalid() from exc
    return image
