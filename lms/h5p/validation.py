"""Validate an H5P package before anything is written (issue: H5P activities).

Every rule answers with a Spanish reason that names the file. Nothing here touches the disk:
the archive is read from the uploaded file object only.
"""

import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
LIBRARY_DIR = re.compile(r"^(?P<name>[\w.\-]{1,255})-(?P<major>\d{1,5})\.(?P<minor>\d{1,5})$")
MACHINE_NAME = re.compile(r"^[\w.\-]{1,255}$")
# As the H5P core has them (h5p.classes.php): content files, and library code on top.
CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp tif tiff eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf "
    "doc docx xls xlsx ppt pptx odt ods odp csv diff patch swf md textile vtt webvtt".split()
)
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
ROOT_FILES = frozenset({"h5p.json"})


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


def _json(archive: zipfile.ZipFile, name: str) -> dict:
    try:
        data = json.loads(archive.read(name).decode("utf-8-sig"))
    except KeyError as exc:
        raise H5PPackageError(_("Falta el archivo %(file)s.") % {"file": name}) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise H5PPackageError(_("El archivo %(file)s no es un JSON válido.") % {"file": name}) from exc
    if not isinstance(data, dict):
        raise H5PPackageError(_("El archivo %(file)s no es un JSON válido.") % {"file": name})
    return data


def _open(upload: IO[bytes]) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise H5PPackageError(_("El archivo no es un paquete H5P legible (no es un ZIP válido).")) from exc


def _check_entries(archive: zipfile.ZipFile) -> int:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise H5PPackageError(
            _("El paquete tiene %(count)s archivos; el máximo es %(max)s.") % {"count": len(infos), "max": MAX_ENTRIES}
        )
    total = compressed = 0
    for info in infos:
        name = info.filename
        if "\\" in name:
            raise H5PPackageError(_("El nombre %(file)s usa barras invertidas.") % {"file": name})
        if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
            raise H5PPackageError(_("El archivo %(file)s tiene una ruta absoluta.") % {"file": name})
        if ".." in name.split("/"):
            raise H5PPackageError(_("El archivo %(file)s intenta salir de la carpeta (..).") % {"file": name})
        if stat.S_ISLNK(info.external_attr >> 16):
            raise H5PPackageError(_("El archivo %(file)s es un enlace simbólico.") % {"file": name})
        total += info.file_size
        compressed += info.compress_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1024 * 1024:
            raise H5PPackageError(
                _("El archivo %(file)s está comprimido de forma sospechosa (más de %(ratio)s a 1).")
                % {"file": name, "ratio": MAX_RATIO}
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise H5PPackageError(_("El paquete descomprimido pasa de 100 MB."))
    if compressed and total > 1024 * 1024 and total / compressed > MAX_RATIO:
        raise H5PPackageError(_("El paquete está comprimido de forma sospechosa (más de %(ratio)s a 1).")
                              % {"ratio": MAX_RATIO})
    return total


def _check_extensions(names: list[str]) -> None:
    for name in names:
        if name.endswith("/"):
            continue
        base = name.rsplit("/", 1)[-1]
        if base.startswith("."):
            continue
        extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
        top = name.split("/", 1)[0]
        if "/" not in name and name in ROOT_FILES:
            continue
        allowed = CONTENT_EXTENSIONS if top == "content" or "/" not in name else LIBRARY_EXTENSIONS
        if extension not in allowed:
            raise H5PPackageError(
                _("El archivo %(file)s no está permitido (extensión «%(ext)s»).") % {"file": name, "ext": extension}
            )


def _check_metadata(metadata: dict) -> None:
    for key in ("title", "mainLibrary", "language", "preloadedDependencies"):
        if not metadata.get(key):
            raise H5PPackageError(_("A h5p.json le falta el campo «%(field)s».") % {"field": key})
    if not isinstance(metadata["preloadedDependencies"], list):
        raise H5PPackageError(_("En h5p.json, preloadedDependencies debe ser una lista."))


def _dependencies(data: dict, source: str) -> list[tuple[str, int, int]]:
    found = []
    for dep in data.get("preloadedDependencies") or []:
        try:
            found.append((str(dep["machineName"]), int(dep["majorVersion"]), int(dep["minorVersion"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise H5PPackageError(_("Una dependencia de %(file)s está incompleta.") % {"file": source}) from exc
    return found


def _libraries(archive: zipfile.ZipFile, names: list[str]) -> dict[str, Library]:
    folders = sorted({n.split("/", 1)[0] for n in names if "/" in n} - {"content"})
    libraries = {}
    for folder in folders:
        match = LIBRARY_DIR.match(folder)
        if not match:
            raise H5PPackageError(_("La carpeta %(folder)s no tiene un nombre de biblioteca H5P válido.")
                                  % {"folder": folder})
        source = f"{folder}/library.json"
        data = _json(archive, source)
        name, major, minor = data.get("machineName"), data.get("majorVersion"), data.get("minorVersion")
        if not (isinstance(name, str) and MACHINE_NAME.match(name) and str(major).isdigit()
                and str(minor).isdigit() and data.get("title")):
            raise H5PPackageError(_("El archivo %(file)s no describe bien la biblioteca.") % {"file": source})
        if (name, int(major), int(minor)) != (match["name"], int(match["major"]), int(match["minor"])):
            raise H5PPackageError(
                _("La carpeta %(folder)s no coincide con la biblioteca que declara (%(name)s %(major)s.%(minor)s).")
                % {"folder": folder, "name": name, "major": major, "minor": minor}
            )
        for kind in ("preloadedJs", "preloadedCss"):
            for item in data.get(kind) or []:
                path = f"{folder}/{item.get('path', '') if isinstance(item, dict) else ''}"
                if path not in names:
                    raise H5PPackageError(_("Falta el archivo %(file)s que pide %(source)s.")
                                          % {"file": path, "source": source})
        libraries[f"{name} {int(major)}.{int(minor)}"] = Library(
            name, int(major), int(minor), folder, data, _dependencies(data, source)
        )
    return libraries


def _check_dependencies(metadata: dict, libraries: dict[str, Library]) -> None:
    pending = [(dep, "h5p.json") for dep in _dependencies(metadata, "h5p.json")]
    seen: set[tuple[str, int, int]] = set()
    while pending:
        dep, source = pending.pop()
        if dep in seen:
            continue
        seen.add(dep)
        library = libraries.get(f"{dep[0]} {dep[1]}.{dep[2]}")
        if library is None:
            raise H5PPackageError(_("Falta la biblioteca %(name)s %(major)s.%(minor)s que pide %(source)s.")
                                  % {"name": dep[0], "major": dep[1], "minor": dep[2], "source": source})
        pending.extend((d, f"{library.folder}/library.json") for d in library.dependencies)
    if not any(dep[0] == metadata["mainLibrary"] for dep in seen):
        raise H5PPackageError(_("La biblioteca principal %(name)s no está entre las dependencias.")
                              % {"name": metadata["mainLibrary"]})


def h5p_package_validate(upload: IO[bytes]) -> H5PPackage:
    """Check every rule of an .h5p archive. Raises H5PPackageError with a Spanish reason."""
    archive = _open(upload)
    with archive:
        total = _check_entries(archive)
        names = archive.namelist()
        _check_extensions(names)
        metadata = _json(archive, "h5p.json")
        _check_metadata(metadata)
        content = _json(archive, "content/content.json")
        libraries = _libraries(archive, names)
        _check_dependencies(metadata, libraries)
        return H5PPackage(
            title=str(metadata["title"])[:255], main_library=str(metadata["mainLibrary"]),
            language=str(metadata["language"]), metadata=metadata, content=content,
            libraries=libraries, uncompressed_bytes=total, entries=len(names),
        )
