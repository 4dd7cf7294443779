import io
import json
import stat
import zipfile

import pytest

from lms.h5p import validation
from lms.h5p.validation import PLAYER_VERSION, H5PPackageError, h5p_package_validate
from tests.lms.h5p.fixtures import PROJECT, shared_h5p_fixtures

FIXTURES = shared_h5p_fixtures()
LIBRARY = {
    "title": "Verdadero o falso",
    "machineName": "H5P.TrueFalse",
    "majorVersion": 1,
    "minorVersion": 6,
    "patchVersion": 0,
    "runnable": 1,
    "preloadedJs": [{"path": "js/tf.js"}],
    "preloadedCss": [{"path": "css/tf.css"}],
}
METADATA = {
    "title": "Prueba",
    "mainLibrary": "H5P.TrueFalse",
    "language": "es",
    "embedTypes": ["div"],
    "preloadedDependencies": [{"machineName": "H5P.TrueFalse", "majorVersion": "1", "minorVersion": "6"}],
}


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
    library = {
        **LIBRARY,
        "preloadedDependencies": [{"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}],
    }
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


INVALID_REASONS = [
    ("broken-content-json.h5p", "content/content.json no es un JSON válido"),
    ("broken-h5p-json.h5p", "h5p.json no es un JSON válido"),
    ("corrupt_archive.h5p", "no es un ZIP válido"),
    ("invalid-library-directory-name.h5p", "H5P.AnotherLibrary"),
    ("missing-preloaded-js.h5p", "H5P.GreetingCard-1.0/greetingcard.js"),
    ("xss-svg.h5p", "content/images/xss.svg"),
]


@pytest.mark.parametrize(("name", "expected"), INVALID_REASONS)
def test_every_shared_invalid_fixture_is_rejected_with_its_reason(name, expected):
    with (FIXTURES / "invalid" / name).open("rb") as upload:
        assert expected in reason(upload)


def test_the_invalid_fixture_folder_is_fully_covered_and_the_valid_one_is_not_empty():
    covered = {name for name, _expected in INVALID_REASONS}
    assert {path.name for path in (FIXTURES / "invalid").glob("*.h5p")} == covered
    assert len(list((FIXTURES / "valid").glob("*.h5p"))) >= 4


def test_it_rejects_a_library_that_needs_a_newer_h5p_core_than_the_player():
    library = {**LIBRARY, "coreApi": {"majorVersion": 1, "minorVersion": 29}}
    message = reason(package({"H5P.TrueFalse-1.6/library.json": library}))
    assert "H5P.TrueFalse-1.6/library.json pide la versión 1.29 del núcleo H5P" in message
    assert "solo llega a la 1.28" in message
    library = {**LIBRARY, "coreApi": {"majorVersion": 2, "minorVersion": 0}}
    assert "versión 2.0" in reason(package({"H5P.TrueFalse-1.6/library.json": library}))


def test_it_accepts_a_library_that_needs_exactly_the_players_core():
    library = {**LIBRARY, "coreApi": {"majorVersion": 1, "minorVersion": 28}}
    assert h5p_package_validate(package({"H5P.TrueFalse-1.6/library.json": library})).libraries


def test_the_core_api_constant_matches_the_installed_player():
    installed = PROJECT / "node_modules" / "h5p-standalone" / "package.json"
    if not installed.is_file():
        pytest.skip("h5p-standalone is not installed (npm ci)")
    # A new player may ship a newer H5P core: check its h5p.js and update PLAYER_CORE_API with it.
    assert json.loads(installed.read_text())["version"] == PLAYER_VERSION


def test_it_rejects_a_language_file_that_is_not_json():
    message = reason(package({"H5P.TrueFalse-1.6/language/es.json": '{"semantics": [}'}))
    assert "H5P.TrueFalse-1.6/language/es.json no es un JSON válido" in message


def test_it_rejects_a_badly_named_language_file_and_a_broken_semantics_file():
    assert "language/es_ES.json no tiene un nombre válido" in reason(
        package({"H5P.TrueFalse-1.6/language/es_ES.json": "{}"})
    )
    assert "H5P.TrueFalse-1.6/semantics.json no es un JSON válido" in reason(
        package({"H5P.TrueFalse-1.6/semantics.json": "[{"})
    )


def test_it_accepts_language_files_with_region_codes():
    assert h5p_package_validate(package({"H5P.TrueFalse-1.6/language/es-ec.json": "{}"}))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"patchVersion": None}, "patchVersion"),
        ({"runnable": 2}, "runnable"),
        (
            {"preloadedDependencies": [{"machineName": "x y", "majorVersion": 1, "minorVersion": 0}]},
            "preloadedDependencies.machineName",
        ),
        ({"preloadedJs": [{"path": "js/tf.php"}]}, "preloadedJs.path"),
        ({"embedTypes": ["object"]}, "embedTypes"),
        ({"coreApi": {"majorVersion": "uno", "minorVersion": 0}}, "coreApi.majorVersion"),
    ],
)
def test_it_checks_library_json_like_the_h5p_core(change, field):
    library = {key: value for key, value in {**LIBRARY, **change}.items() if value is not None}
    assert f"«{field}»" in reason(package({"H5P.TrueFalse-1.6/library.json": library}))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"embedTypes": None}, "embedTypes"),
        ({"embedTypes": ["script"]}, "embedTypes"),
        ({"language": "es es"}, "language"),
        ({"mainLibrary": "H5P True"}, "mainLibrary"),
        ({"title": "x" * 256}, "title"),
    ],
)
def test_it_checks_h5p_json_like_the_h5p_core(change, field):
    metadata = {key: value for key, value in {**METADATA, **change}.items() if value is not None}
    assert f"«{field}»" in reason(package({"h5p.json": metadata}))


def test_the_main_library_must_be_a_direct_dependency_of_h5p_json():
    joubel = {
        **LIBRARY,
        "machineName": "H5P.JoubelUI",
        "majorVersion": 1,
        "minorVersion": 3,
        "preloadedDependencies": METADATA["preloadedDependencies"],
        "preloadedJs": [],
        "preloadedCss": [],
    }
    metadata = {
        **METADATA,
        "preloadedDependencies": [{"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}],
    }
    message = reason(package({"h5p.json": metadata, "H5P.JoubelUI-1.3/library.json": joubel}))
    assert "La biblioteca principal H5P.TrueFalse no está entre las dependencias de h5p.json" in message


def test_it_rejects_a_missing_dynamic_dependency():
    library = {
        **LIBRARY,
        "dynamicDependencies": [{"machineName": "H5P.MathDisplay", "majorVersion": 1, "minorVersion": 0}],
    }
    assert "H5P.MathDisplay 1.0" in reason(package({"H5P.TrueFalse-1.6/library.json": library}))


def test_dot_and_underscore_entries_are_ignored_and_not_listed_to_unpack():
    result = h5p_package_validate(
        package(
            {
                "__MACOSX/H5P.TrueFalse-1.6/._tf.js": b"\0\1",
                "content/.DS_Store": b"\0",
                "H5P.TrueFalse-1.6/.eslintrc": "x",
            }
        )
    )
    assert not [name for name in result.files if "MACOSX" in name or "/." in name]
    assert "H5P.TrueFalse-1.6/js/tf.js" in result.files


def test_it_rejects_a_name_twice_and_a_file_that_is_also_a_folder():
    buffer = package({})
    with zipfile.ZipFile(buffer, "a") as archive, pytest.warns(UserWarning):
        archive.writestr("content/content.json", "{}")
    assert "content/content.json aparece dos veces" in reason(buffer)
    assert "H5P.TrueFalse-1.6/js es a la vez archivo y carpeta" in reason(package({"H5P.TrueFalse-1.6/js": "x"}))


def test_it_rejects_an_encrypted_entry():
    buffer = package({})
    raw = bytearray(buffer.getvalue())
    # Set the "encrypted" bit of the first central directory record (general purpose flags at +8).
    central = raw.index(b"PK\x01\x02")
    raw[central + 8] |= 0x1
    assert "protegido con contraseña" in reason(io.BytesIO(bytes(raw)))


def _stored(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def corrupted(old: bytes, new: bytes) -> io.BytesIO:
    """A valid package with the stored bytes `old` of one file changed to `new` after its CRC was written."""
    raw = package({}).getvalue()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    files["H5P.TrueFalse-1.6/js/tf.js"] = old
    raw = _stored(files)
    assert raw.count(old) == 1
    return io.BytesIO(raw.replace(old, new))


def test_a_bad_crc_in_any_file_is_a_clear_refusal():
    message = reason(corrupted(b"var verdad = 1;", b"var mentira=1;;"))
    assert "H5P.TrueFalse-1.6/js/tf.js está dañado dentro del paquete" in message


def test_a_broken_deflate_stream_is_a_clear_refusal():
    raw = bytearray(package({"H5P.TrueFalse-1.6/js/tf.js": "var x = 1;" * 2000}).getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
        info = archive.getinfo("H5P.TrueFalse-1.6/js/tf.js")
    start = info.header_offset + 30 + len(info.filename.encode())
    raw[start : start + 16] = b"\xff" * 16
    assert "H5P.TrueFalse-1.6/js/tf.js está dañado" in reason(io.BytesIO(bytes(raw)))


def test_a_size_header_that_lies_is_a_clear_refusal():
    raw = bytearray(corrupted(b"var verdad = 1;", b"var verdad = 1;").getvalue())
    # Claim 1 MB for the 15-byte stored file in its central directory record (the name's last copy,
    # 46 bytes into the record; compressed and real sizes at +20 and +24): reading runs past its data.
    record = raw.rindex(b"H5P.TrueFalse-1.6/js/tf.js") - 46
    raw[record + 20 : record + 28] = (1024 * 1024).to_bytes(4, "little") * 2
    assert "H5P.TrueFalse-1.6/js/tf.js está dañado" in reason(io.BytesIO(bytes(raw)))


def test_a_json_file_past_its_cap_is_refused(monkeypatch):
    monkeypatch.setattr(validation, "MAX_JSON_BYTES", 300)
    assert "content/content.json pasa de" in reason(package({"content/content.json": {"text": "x" * 400}}))
