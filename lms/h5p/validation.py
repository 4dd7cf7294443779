"""Validate an H5P package before anything is written (issue: H5P activities).

The rules follow the H5P core validator (H5PValidator in h5p-php-library) and Lumi's PackageValidator,
plus archive safety (zip bombs, traversal, symlinks, lying size headers). Every rule answers with a
Spanish reason that names the file. Nothing here touches the disk: the archive is read from the uploaded
file object only, every entry in bounded chunks, so a damaged or lying archive is refused, not crashed on.
"""

import json
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_RATIO = 100
CHUNK_BYTES = 64 * 1024
# The H5P core API the player can run. h5p-standalone 3.8.2 (package.json pins ~3.8.2) bundles the h5p.js
# of h5p-php-library at core API 1.28; a test fails when the installed player changes, to re-check this.
PLAYER_VERSION = "3.8.2"
PLAYER_CORE_API = (1, 28)

LIBRARY_DIR = re.compile(r"^(?P<name>[\w.\-]{1,255})-(?P<major>\d{1,5})\.(?P<minor>\d{1,5})$")
MACHINE_NAME = r"^[\w.\-]{1,255}$"
VERSION = r"^\d{1,5}$"
ZERO_ONE = r"^(0|1)$"
# The core's /^((\\|\/)?[a-z_\-\s0-9\.]+)+\.js$/i without nested repeats (no catastrophic backtracking).
PATH = r"^[\\/]?[a-zA-Z_\-\s0-9.]+(?:[\\/][a-zA-Z_\-\s0-9.]+)*"
# The core's /^(-?[a-z]+){1,7}\.json$/i, written without nested repeats (no catastrophic backtracking).
LANGUAGE_FILE = re.compile(r"^-?[a-z]+(?:-[a-z]+){0,6}\.json$", re.IGNORECASE)
# As the H5P core has them (h5p.classes.php): content files, and library code on top.
CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp tif tiff eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf "
    "doc docx xls xlsx ppt pptx odt ods odp csv diff patch swf md textile vtt webvtt".split()
)
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
ROOT_FILES = frozenset({"h5p.json"})
READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    struct.error,
)

# The shape of h5p.json and library.json, as H5PValidator checks it: a regular expression, a set of
# allowed options, a dict (an object with those keys required) or a one-item list (a list of such).
DEPENDENCY = {"machineName": MACHINE_NAME, "majorVersion": VERSION, "minorVersion": VERSION}
EMBED_TYPES = frozenset({"iframe", "div"})
H5P_REQUIRED = {
    "title": r"^.{1,255}$",
    "language": r"^[-a-zA-Z]{1,10}$",
    "preloadedDependencies": [DEPENDENCY],
    "mainLibrary": r"^[$a-zA-Z_][0-9a-zA-Z_.$]{1,254}$",
    "embedTypes": EMBED_TYPES,
}
H5P_OPTIONAL = {
    "dynamicDependencies": [DEPENDENCY],
    "w": r"^\d{1,4}$",
    "h": r"^\d{1,4}$",
    "coreApi": {"majorVersion": VERSION, "minorVersion": VERSION},
}
LIBRARY_REQUIRED = {
    "title": r"^.{1,255}$",
    "majorVersion": VERSION,
    "minorVersion": VERSION,
    "patchVersion": VERSION,
    "machineName": MACHINE_NAME,
    "runnable": ZERO_ONE,
}
LIBRARY_OPTIONAL = {
    "preloadedDependencies": [DEPENDENCY],
    "dynamicDependencies": [DEPENDENCY],
    "editorDependencies": [DEPENDENCY],
    "preloadedJs": [{"path": PATH + r"\.js$"}],
    "preloadedCss": [{"path": PATH + r"\.css$"}],
    "dropLibraryCss": [{"machineName": MACHINE_NAME}],
    "w": r"^\d{1,4}$",
    "h": r"^\d{1,4}$",
    "embedTypes": EMBED_TYPES,
    "fullscreen": ZERO_ONE,
    "coreApi": {"majorVersion": VERSION, "minorVersion": VERSION},
    "metadataSettings": {"disable": ZERO_ONE, "disableExtraTitleField": ZERO_ONE},
}


class H5PPackageError(Exception):
    """The package was rejected; `reason` is a Spanish sentence naming the file and the rule."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Library:
    machine_name: str
    major: int
    minor: int
    folder: str
    data: dict
    dependencies: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class H5PPackage:
    title: str
    main_library: str
    language: str
    metadata: dict
    content: dict
    libraries: dict[str, Library]
    uncompressed_bytes: int
    entries: int
    files: list[str] = field(default_factory=list)  # the entries to unpack; ignored ones (.x, _x) are not


def _open(upload: IO[bytes]) -> zipfile.ZipFile:
    try:
        upload.seek(0)
        return zipfile.ZipFile(upload)
    except READ_ERRORS as exc:
        raise H5PPackageError(_("El archivo no es un paquete H5P legible (no es un ZIP válido).")) from exc


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if "\\" in name:
        raise H5PPackageError(_("El nombre %(file)s usa barras invertidas.") % {"file": name})
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise H5PPackageError(_("El archivo %(file)s tiene una ruta absoluta.") % {"file": name})
    if ".." in name.split("/"):
        raise H5PPackageError(_("El archivo %(file)s intenta salir de la carpeta (..).") % {"file": name})
    if stat.S_ISLNK(info.external_attr >> 16):
        raise H5PPackageError(_("El archivo %(file)s es un enlace simbólico.") % {"file": name})
    if info.flag_bits & 0x1:
        raise H5PPackageError(_("El archivo %(file)s está protegido con contraseña.") % {"file": name})


def _check_layout(names: list[str]) -> None:
    """No name twice, and no file that is also a folder of another entry: unpacking would fail halfway."""
    files = [n for n in names if not n.endswith("/")]
    seen: set[str] = set()
    for name in files:
        if name.lower() in seen:
            raise H5PPackageError(_("El archivo %(file)s aparece dos veces en el paquete.") % {"file": name})
        seen.add(name.lower())
    for name in names:
        parts = name.rstrip("/").split("/")
        for depth in range(1, len(parts)):
            if "/".join(parts[:depth]).lower() in seen:
                raise H5PPackageError(
                    _("En el paquete, %(file)s es a la vez archivo y carpeta.") % {"file": "/".join(parts[:depth])}
                )


def _check_entries(archive: zipfile.ZipFile) -> int:
    """Names, count and declared sizes of every entry, before reading any of them."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise H5PPackageError(
            _("El paquete tiene %(count)s archivos; el máximo es %(max)s.") % {"count": len(infos), "max": MAX_ENTRIES}
        )
    total = compressed = 0
    for info in infos:
        _check_name(info)
        total += info.file_size
        compressed += info.compress_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1024 * 1024:
            raise H5PPackageError(
                _("El archivo %(file)s está comprimido de forma sospechosa (más de %(ratio)s a 1).")
                % {"file": info.filename, "ratio": MAX_RATIO}
            )
    _check_layout([info.filename for info in infos])
    if total > MAX_UNCOMPRESSED_BYTES:
        raise H5PPackageError(_("El paquete descomprimido pasa de 100 MB."))
    if compressed and total > 1024 * 1024 and total / compressed > MAX_RATIO:
        raise H5PPackageError(
            _("El paquete está comprimido de forma sospechosa (más de %(ratio)s a 1).") % {"ratio": MAX_RATIO}
        )
    return total


def _ignored(name: str) -> bool:
    """Like the H5P core: a file or folder whose name starts with . or _ is skipped, never unpacked."""
    return any(part.startswith((".", "_")) for part in name.split("/"))


def _is_json_kept(name: str) -> bool:
    parts = name.split("/")
    return (
        name in ("h5p.json", "content/content.json")
        or (len(parts) == 2 and parts[1] in ("library.json", "semantics.json"))
        or (len(parts) == 3 and parts[1] == "language")
    )


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, keep: bool) -> tuple[int, bytes]:
    """Decompress one entry in chunks (which checks its CRC); returns (bytes read, data if kept)."""
    read, kept = 0, []
    try:
        with archive.open(info) as source:
            while chunk := source.read(CHUNK_BYTES):
                read += len(chunk)
                if read > budget:
                    raise H5PPackageError(_("El paquete descomprimido pasa de 100 MB."))
                if keep:
                    if read > MAX_JSON_BYTES:
                        raise H5PPackageError(
                            _("El archivo %(file)s pasa de %(mb)s MB.")
                            % {"file": info.filename, "mb": MAX_JSON_BYTES // 2**20}
                        )
                    kept.append(chunk)
    except READ_ERRORS as exc:
        raise H5PPackageError(
            _("El archivo %(file)s está dañado dentro del paquete y no se puede leer.") % {"file": info.filename}
        ) from exc
    return read, b"".join(kept)


def _read_all(archive: zipfile.ZipFile, files: list[zipfile.ZipInfo]) -> tuple[int, dict[str, bytes]]:
    """Read every entry to unpack, counting real bytes (headers may lie); keep the JSON files checked here."""
    total, kept = 0, {}
    for info in files:
        keep = _is_json_kept(info.filename)
        read, data = _read_entry(archive, info, MAX_UNCOMPRESSED_BYTES - total, keep)
        total += read
        if keep:
            kept[info.filename] = data
    return total, kept


def _json(files: dict[str, bytes], name: str, *, kind: type = dict):
    if name not in files:
        raise H5PPackageError(_("Falta el archivo %(file)s.") % {"file": name})
    try:
        data = json.loads(files[name].decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise H5PPackageError(_("El archivo %(file)s no es un JSON válido.") % {"file": name}) from exc
    if not isinstance(data, kind):
        raise H5PPackageError(_("El archivo %(file)s no es un JSON válido.") % {"file": name})
    return data


def _check_extensions(names: list[str]) -> None:
    for name in names:
        if "/" not in name and name in ROOT_FILES:
            continue
        base = name.rsplit("/", 1)[-1]
        extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
        top = name.split("/", 1)[0]
        allowed = CONTENT_EXTENSIONS if top == "content" or "/" not in name else LIBRARY_EXTENSIONS
        if extension not in allowed:
            raise H5PPackageError(
                _("El archivo %(file)s no está permitido (extensión «%(ext)s»).") % {"file": name, "ext": extension}
            )


def _invalid(source: str, key: str) -> H5PPackageError:
    return H5PPackageError(_("En %(file)s, el campo «%(field)s» no es válido.") % {"file": source, "field": key})


def _check_value(value, rule, source: str, key: str) -> None:
    if isinstance(rule, str):
        if isinstance(value, bool):
            value = int(value)  # JSON true/false where the core wants 1/0
        if not isinstance(value, str | int) or not re.match(rule, str(value)) or str(value).endswith("\n"):
            raise _invalid(source, key)
    elif isinstance(rule, frozenset):
        if not isinstance(value, list) or not all(isinstance(v, str) and v in rule for v in value):
            raise _invalid(source, key)
    elif isinstance(rule, list):
        if not isinstance(value, list):
            raise _invalid(source, key)
        for item in value:
            _check_value(item, rule[0], source, key)
    elif not isinstance(value, dict):
        raise _invalid(source, key)
    else:
        _check_fields(value, rule, {}, source, within=f"{key}.")


def _check_fields(data: dict, required: dict, optional: dict, source: str, within: str = "") -> None:
    """The H5P core's schema check of h5p.json and library.json: required keys, then the optional ones set."""
    for key, rule in required.items():
        if key not in data or data[key] in (None, "", []):
            raise H5PPackageError(
                _("A %(file)s le falta el campo «%(field)s».") % {"file": source, "field": within + key}
            )
        _check_value(data[key], rule, source, within + key)
    for key, rule in optional.items():
        if key in data:
            _check_value(data[key], rule, source, within + key)


def _check_core_api(data: dict, source: str) -> None:
    """A library that needs a newer H5P core than the player ships would break when played."""
    core = data.get("coreApi")
    if not core:
        return
    required = (int(core["majorVersion"]), int(core["minorVersion"]))
    if required > PLAYER_CORE_API:
        raise H5PPackageError(
            _(
                "%(file)s pide la versión %(required)s del núcleo H5P, pero el reproductor instalado solo llega a "
                "la %(current)s. Exporta el paquete con bibliotecas más antiguas o actualiza el reproductor."
            )
            % {
                "file": source,
                "required": f"{required[0]}.{required[1]}",
                "current": f"{PLAYER_CORE_API[0]}.{PLAYER_CORE_API[1]}",
            }
        )


def _dependencies(data: dict, *keys: str) -> list[tuple[str, int, int]]:
    return [
        (dep["machineName"], int(dep["majorVersion"]), int(dep["minorVersion"]))
        for key in keys
        for dep in data.get(key) or []
    ]


def _check_library_files(folder: str, data: dict, names: set[str], files: dict[str, bytes]) -> None:
    source = f"{folder}/library.json"
    for kind in ("preloadedJs", "preloadedCss"):
        for item in data.get(kind) or []:
            path = f"{folder}/{item['path'].lstrip('/')}"
            if path not in names:
                raise H5PPackageError(
                    _("Falta el archivo %(file)s que pide %(source)s.") % {"file": path, "source": source}
                )
    if f"{folder}/semantics.json" in files:
        _json(files, f"{folder}/semantics.json", kind=list)
    for name in sorted(n for n in files if n.startswith(f"{folder}/language/")):
        if not LANGUAGE_FILE.match(name.rsplit("/", 1)[-1]):
            raise H5PPackageError(_("El archivo de idioma %(file)s no tiene un nombre válido.") % {"file": name})
        _json(files, name)


def _library(folder: str, names: set[str], files: dict[str, bytes]) -> Library:
    match = LIBRARY_DIR.match(folder)
    if not match:
        raise H5PPackageError(
            _("La carpeta %(folder)s no tiene un nombre de biblioteca H5P válido.") % {"folder": folder}
        )
    source = f"{folder}/library.json"
    data = _json(files, source)
    _check_fields(data, LIBRARY_REQUIRED, LIBRARY_OPTIONAL, source)
    name, major, minor = data["machineName"], int(data["majorVersion"]), int(data["minorVersion"])
    if (name, major, minor) != (match["name"], int(match["major"]), int(match["minor"])):
        raise H5PPackageError(
            _("La carpeta %(folder)s no coincide con la biblioteca que declara (%(name)s %(major)s.%(minor)s).")
            % {"folder": folder, "name": name, "major": major, "minor": minor}
        )
    _check_core_api(data, source)
    _check_library_files(folder, data, names, files)
    return Library(
        name, major, minor, folder, data, _dependencies(data, "preloadedDependencies", "dynamicDependencies")
    )


def _libraries(names: list[str], files: dict[str, bytes]) -> dict[str, Library]:
    folders = sorted({n.split("/", 1)[0] for n in names if "/" in n} - {"content"})
    present = set(names)
    libraries = {}
    for folder in folders:
        library = _library(folder, present, files)
        libraries[f"{library.machine_name} {library.major}.{library.minor}"] = library
    return libraries


def _check_dependencies(metadata: dict, libraries: dict[str, Library]) -> None:
    """Every preloaded and dynamic dependency, of h5p.json and of every library, is in the package.

    Editor dependencies are not required: the editor is not served here, and exports leave them out.
    """
    sources = [("h5p.json", _dependencies(metadata, "preloadedDependencies", "dynamicDependencies"))]
    sources += [(f"{lib.folder}/library.json", lib.dependencies) for lib in libraries.values()]
    for source, dependencies in sources:
        for name, major, minor in dependencies:
            if f"{name} {major}.{minor}" not in libraries:
                raise H5PPackageError(
                    _("Falta la biblioteca %(name)s %(major)s.%(minor)s que pide %(source)s.")
                    % {"name": name, "major": major, "minor": minor, "source": source}
                )
    if not any(dep["machineName"] == metadata["mainLibrary"] for dep in metadata["preloadedDependencies"]):
        raise H5PPackageError(
            _("La biblioteca principal %(name)s no está entre las dependencias de h5p.json.")
            % {"name": metadata["mainLibrary"]}
        )


def h5p_package_validate(upload: IO[bytes]) -> H5PPackage:
    """Check every rule of an .h5p archive. Raises H5PPackageError with a Spanish reason."""
    with _open(upload) as archive:
        _check_entries(archive)
        infos = [i for i in archive.infolist() if not i.is_dir() and not _ignored(i.filename)]
        names = [i.filename for i in infos]
        _check_extensions(names)
        total, files = _read_all(archive, infos)
    metadata = _json(files, "h5p.json")
    _check_fields(metadata, H5P_REQUIRED, H5P_OPTIONAL, "h5p.json")
    _check_core_api(metadata, "h5p.json")
    content = _json(files, "content/content.json")
    libraries = _libraries(names, files)
    _check_dependencies(metadata, libraries)
    return H5PPackage(
        title=str(metadata["title"])[:255],
        main_library=str(metadata["mainLibrary"]),
        language=str(metadata["language"]),
        metadata=metadata,
        content=content,
        libraries=libraries,
        uncompressed_bytes=total,
        entries=len(names),
        files=names,
    )
