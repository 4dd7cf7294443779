import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from lms.h5p.models import H5PActivity
from lms.h5p.services import h5p_package_import
from lms.h5p.validation import H5PPackageError
from tests.lms.h5p.fixtures import shared_h5p_fixtures

FIXTURES = shared_h5p_fixtures()
TRUE_FALSE = FIXTURES / "valid" / "true-false.h5p"


@pytest.fixture(autouse=True)
def _h5p_root(settings, tmp_path):
    settings.H5P_ROOT = tmp_path / "h5p"
    return settings.H5P_ROOT


@pytest.mark.django_db
def test_it_imports_a_valid_package_and_unpacks_it(_h5p_root):
    with TRUE_FALSE.open("rb") as upload:
        activity, created = h5p_package_import(upload=upload)
    assert created
    assert activity.main_library == "H5P.TrueFalse"
    assert (Path(_h5p_root) / activity.sha256 / "h5p.json").is_file()
    assert (Path(_h5p_root) / activity.sha256 / "content" / "content.json").is_file()


@pytest.mark.django_db
def test_the_same_package_twice_is_reused_not_duplicated():
    with TRUE_FALSE.open("rb") as upload:
        first, _ = h5p_package_import(upload=upload)
    with TRUE_FALSE.open("rb") as upload:
        second, created = h5p_package_import(upload=upload)
    assert not created and second.pk == first.pk
    assert H5PActivity.objects.count() == 1


@pytest.mark.django_db
def test_a_rejected_package_leaves_no_file_and_no_row(_h5p_root):
    with (FIXTURES / "invalid" / "xss-svg.h5p").open("rb") as upload, pytest.raises(H5PPackageError):
        h5p_package_import(upload=upload)
    assert H5PActivity.objects.count() == 0
    assert not Path(_h5p_root).exists() or not any(Path(_h5p_root).iterdir())


@pytest.mark.django_db
def test_the_command_imports_valid_files_and_fails_naming_each_rejection(capsys):
    invalid = sorted((FIXTURES / "invalid").glob("*.h5p"))
    with pytest.raises(CommandError):
        call_command("h5p_import", str(TRUE_FALSE), *map(str, invalid))
    output = capsys.readouterr()
    assert "importado como «Hello World»" in output.out
    for path in invalid:
        assert f"{path}: rechazado." in output.err
    assert H5PActivity.objects.count() == 1


@pytest.mark.django_db
def test_the_command_succeeds_when_every_file_is_valid():
    call_command("h5p_import", *map(str, sorted((FIXTURES / "valid").glob("*.h5p"))))
    assert H5PActivity.objects.count() == 4


@pytest.mark.django_db
def test_entries_the_h5p_core_ignores_are_not_unpacked(_h5p_root):
    raw = TRUE_FALSE.read_bytes()
    buffer = io.BytesIO(raw)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("__MACOSX/content/._content.json", b"\0\1")
        archive.writestr("content/.htaccess", "Options +ExecCGI")
    buffer.seek(0)
    activity, _created = h5p_package_import(upload=buffer)
    folder = Path(_h5p_root) / activity.sha256
    assert (folder / "content" / "content.json").is_file()
    assert not (folder / "__MACOSX").exists() and not (folder / "content" / ".htaccess").exists()
