"""locale/es is complete and up to date with the strings in the code and templates."""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
AREAS = ("cms", "lms", "incubator")
TEMPLATE_LITERAL = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
PYTHON_LITERAL = re.compile(r"""\b_\(\s*"((?:[^"\\]|\\.)+)"\s*[,)]""")


def _entries() -> dict[str, polib.POEntry]:
    return {entry.msgid: entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}


def _source_strings() -> set[str]:
    found: set[str] = set()
    for area in AREAS:
        for path in (ROOT / area).rglob("*"):
            if "migrations" in path.parts or not path.is_file():
                continue
            if path.suffix == ".html":
                found |= {m.group(2) for m in TEMPLATE_LITERAL.finditer(path.read_text("utf-8"))}
            elif path.suffix == ".py":
                found |= {
                    m.group(1) for m in PYTHON_LITERAL.finditer(path.read_text("utf-8")) if "\\" not in m.group(1)
                }
    return found


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = _entries()
    assert entries, "locale/es/LC_MESSAGES/django.po is empty"
    untranslated = [e.msgid for e in entries.values() if not e.translated()]
    fuzzy = [e.msgid for e in entries.values() if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_every_string_in_the_code_is_in_the_catalogue():
    known = set(_entries())
    # In templates, makemessages writes a literal "%" as "%%".
    missing = sorted(text for text in _source_strings() if text not in known and text.replace("%", "%%") not in known)
    assert missing == [], f"run `make messages`: {missing[:10]}"
