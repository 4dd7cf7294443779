"""The framework messages listed for a "tú" wording are exactly the framework's msgids (else they never match)."""

import ast
from pathlib import Path

import django
import polib
import wagtail

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [
    Path(django.__file__).parent / "conf" / "locale" / "es" / "LC_MESSAGES" / "django.po",
    Path(django.__file__).parent / "contrib" / "auth" / "locale" / "es" / "LC_MESSAGES" / "django.po",
    Path(wagtail.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "django.po",
]


def _listed() -> list[tuple[str, ...]]:
    tree = ast.parse((ROOT / "cms" / "framework_messages.py").read_text("utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "id", "") in
             {"gettext_noop", "ngettext_lazy"}]
    return [tuple(arg.value for arg in call.args[:2 if call.func.id == "ngettext_lazy" else 1]) for call in calls]


def test_every_listed_message_is_a_framework_msgid():
    known = set()
    for catalogue in CATALOGUES:
        for entry in polib.pofile(str(catalogue)):
            known.add((entry.msgid, entry.msgid_plural) if entry.msgid_plural else (entry.msgid,))
    listed = _listed()
    assert len(listed) > 30
    assert [message for message in listed if message not in known] == []
