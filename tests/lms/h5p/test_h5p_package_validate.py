import io
import json
import stat
import zipfile
from pathlib import Path

import pytest

from lms.h5p.validation import H5PPackageError, h5p_package_validate

FIXTURES = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures" / "h5p"
LIBRARY = {"title": "Verdadero o falso", "machineName": "H5P.TrueFalse", "majorVersion": 1,
           "minorVersion": 6, "patchVersion": 0, "runnable": 1,
           "preloadedJs": [{"path": "js/tf.js"}], "preloadedCss": [{"path": "css/tf.css"}]}
METADATA = {"title": "Prueba", "mainLibrary": "H5P.TrueFalse", "language": "es",
            "preloadedDependencies": [{"machineName": "H5P.TrueFalse", "majorVersion": "1", "minorVersion": "6"}]}


def package(files: dict[str, bytes | str | dict], *, symlink: str | None = None) -> io.BytesIO:
    """An .h5p built in memory: a valid one by default, with `files` overriding or adding entries."""
    entries: dict[str, bytes | str | dict] = {
        "h5p.json": METADATA,
        "content/content.json": {"question": "¿El ahorro ayuda?"},
        "H5P.TrueFalse-1.6/library.json": LIBRARY,
        "H5P.TrueFalse-1.6/js/tf.js": "var x = 1;",
        "H5P.TrueFalse-1.6/css/tf.css": "p{}",
    }
    entries.update(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            if data is None:
                continue
            if isinstance(data, dict):
                data = json.dumps(data)
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    buffer.seek(0)
    return buffer


def reason(upload) -> str:
    with pytest.raises(H5PPackageError) as caught:
        h5p_package_validate(upload)
    return caught.value.reason


def test_it_accepts_a_minimal_valid_package():
    result = h5p_package_validate(package({}))
    assert result.title == "Prueba"
    assert result.main_library == "H5P.TrueFalse"
    assert list(result.libraries) == ["H5P.TrueFalse 1.6"]


def test_it_rejects_zip_slip():
    assert "content/../../evil.js" in reason(package({"content/../../evil.js": "x"}))


def test_it_rejects_absolute_paths_and_backslashes():
    assert "ruta absoluta" in reason(package({"/etc/cron.d/x.txt": "x"}))
    assert "barras invertidas" in reason(package({"content\\x.txt": "x"}))


def test_it_rejects_symlinks():
    assert "enlace simbólico" in reason(package({}, symlink="content/link.txt"))


def test_it_rejects_a_zip_bomb():
    bomb = package({"content/zeros.txt": b"\0" * (5 * 1024 * 1024)})
    assert "comprimido de forma sospechosa" in reason(bomb)


def test_it_rejects_too_many_entries():
    many = {f"content/f{i}.txt": "x" for i in range(2001)}
    assert "2000" in reason(package(many))


def test_it_rejects_a_missing_dependency_even_when_transitive():
    library = {**LIBRARY, "preloadedDependencies": [
        {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}]}
    message = reason(package({"H5P.TrueFalse-1.6/library.json": library}))
    assert "H5P.JoubelUI 1.3" in message and "H5P.TrueFalse-1.6/library.json" in message


def test_it_rejects_bad_json():
    assert "content/content.json no es un JSON válido" in reason(package({"content/content.json": "{oops"}))


def test_it_rejects_forbidden_extensions_in_content():
    assert "content/images/a.svg" in reason(package({"content/images/a.svg": "<svg/>"}))
    assert "content/data.xml" in reason(package({"content/data.xml": "<a/>"}))
    assert "content/run.exe" in reason(package({"content/run.exe": "MZ"}))


def test_it_rejects_missing_h5p_json_fields():
    metadata = {k: v for k, v in METADATA.items() if k != "language"}
    assert "language" in reason(package({"h5p.json": metadata}))


def test_it_rejects_a_listed_preloaded_file_that_is_missing():
    assert "H5P.TrueFalse-1.6/js/tf.js" in reason(package({"H5P.TrueFalse-1.6/js/tf.js": None}))


def test_it_rejects_a_library_folder_named_against_the_spec():
    assert "H5P.TrueFalse-1" in reason(package({"H5P.TrueFalse-1/library.json": LIBRARY}))


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.h5p")), ids=lambda p: p.name)
def test_every_shared_valid_fixture_is_accepted(path):
    with path.open("rb") as upload:
        assert h5p_package_validate(upload).libraries


@pytest.mark.parametrize(("name", "expected"), [
    ("broken-content-json.h5p", "content/content.json no es un JSON válido"),
    ("broken-h5p-json.h5p", "h5p.json no es un JSON válido"),
    ("corrupt_archive.h5p", "no es un ZIP válido"),
    ("invalid-library-directory-name.h5p", "H5P.AnotherLibrary"),
    ("missing-preloaded-js.h5p", "H5P.GreetingCard-1.0/greetingcard.js"),
    ("xss-svg.h5p", "content/images/xss.svg"),
])
def test_every_shared_invalid_fixture_is_rejected_with_its_reason(name, expected):
    with (FIXTURES / "invalid" / name).open("rb") as upload:
        assert expected in reason(upload)
