"""Writes of the H5P app: import a package (validated first, nothing left behind on failure)."""

import hashlib
import logging
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms.h5p.models import H5PActivity
from lms.h5p.validation import H5PPackageError, h5p_package_validate

logger = logging.getLogger("semilla.h5p")


def h5p_root() -> Path:
    return Path(settings.H5P_ROOT)


def _sha256(upload: IO[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return digest.hexdigest(), size


def _extract(upload: IO[bytes], target: Path) -> None:
    """Unpack into a temporary folder beside target, then rename: target appears whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target.parent))
    try:
        with zipfile.ZipFile(upload) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                destination = staging / info.filename
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as source, destination.open("wb") as sink:
                    shutil.copyfileobj(source, sink)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def h5p_package_import(*, upload: IO[bytes], user=None) -> tuple[H5PActivity, bool]:
    """Validate and store an .h5p upload. Returns (activity, created); the same file twice is reused.

    Raises H5PPackageError (Spanish reason) and then leaves no file and no row behind.
    """
    sha256, size = _sha256(upload)
    if size > settings.H5P_MAX_UPLOAD_BYTES:
        raise H5PPackageError(_("El paquete pesa más de %(mb)s MB.") % {"mb": settings.H5P_MAX_UPLOAD_BYTES // 2**20})
    existing = H5PActivity.objects.filter(sha256=sha256).first()
    if existing:
        return existing, False
    package = h5p_package_validate(upload)
    upload.seek(0)
    folder = h5p_root() / sha256
    if not folder.exists():
        _extract(upload, folder)
    try:
        with transaction.atomic():
            activity = H5PActivity.objects.create(
                title=package.title, main_library=package.main_library, language=package.language,
                sha256=sha256, size_bytes=size, uncompressed_bytes=package.uncompressed_bytes,
                metadata=package.metadata, uploaded_by=user,
            )
    except IntegrityError:
        # Another upload of the same file won the race: reuse it.
        return H5PActivity.objects.get(sha256=sha256), False
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    logger.info("H5P package %s imported as activity %s", sha256[:12], activity.pk)
    return activity, True
