import os

import pytest

os.environ.setdefault("SEMILLA_TESTING", "1")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads and generated files go to a temporary folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
