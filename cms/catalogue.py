"""Keep locale/es complete: Semilla's source strings are written in Spanish.

`make messages` runs makemessages, then this script fills every empty msgstr with its msgid
(the Spanish source), keeps translations already edited by hand, and clears fuzzy guesses. A framework
message listed in cms/framework_messages.py takes its Spanish from its "Translators:" comment
(singular || plural), so the wording lives next to the msgid and survives every regeneration.
Run: python -m cms.catalogue locale/es/LC_MESSAGES/django.po
"""

import sys
from pathlib import Path

import polib

TRANSLATORS = "Translators:"


def wording_from_comment(comment: str | None) -> list[str]:
    """The Spanish forms a "Translators:" comment gives ([] when the comment is something else)."""
    text = (comment or "").strip()
    if not text.startswith(TRANSLATORS):
        return []
    return [form.strip() for form in text[len(TRANSLATORS) :].split("||")]


def fill_catalogue(path: str) -> int:
    catalogue = polib.pofile(path, wrapwidth=0)
    filled = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.msgstr = ""
            entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
        forms = wording_from_comment(entry.comment)
        if forms and entry.msgid_plural and len(forms) == 2:
            entry.msgstr_plural = {0: forms[0], 1: forms[1]}
        elif forms and not entry.msgid_plural:
            entry.msgstr = forms[0]
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                filled += 1
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
            filled += 1
    catalogue.metadata["Language"] = "es"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    catalogue.save(path)
    return filled


if __name__ == "__main__":
    for po_path in sys.argv[1:]:
        if Path(po_path).is_file():
            print(f"{po_path}: {fill_catalogue(po_path)} entradas completadas")
