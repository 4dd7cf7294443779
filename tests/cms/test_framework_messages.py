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
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"gettext_noop", "ngettext_lazy"}
    ]
    return [tuple(arg.value for arg in call.args[: 2 if call.func.id == "ngettext_lazy" else 1]) for call in calls]


def test_every_listed_message_is_a_framework_msgid():
    known = set()
    for catalogue in CATALOGUES:
        for entry in polib.pofile(str(catalogue)):
            known.add((entry.msgid, entry.msgid_plural) if entry.msgid_plural else (entry.msgid,))
    listed = _listed()
    assert len(listed) > 30
    assert [message for message in listed if message not in known] == []


def test_the_catalogue_says_each_listed_message_with_tu():
    """`make messages` copies each "Translators:" wording into locale/es: the learner meets it, not usted."""
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    catalogue = {e.msgid: e for e in polib.pofile(str(ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"))}
    with translation.override("es"):
        for listed in _listed():
            entry = catalogue[listed[0]]
            wording = [form.strip() for form in entry.comment.removeprefix("Translators:").split("||")]
            shown = (
                [ngettext(listed[0], listed[1], 1), ngettext(listed[0], listed[1], 2)]
                if len(listed) == 2
                else [gettext(listed[0])]
            )
            assert shown == wording, listed[0]


def test_the_login_error_speaks_tu():
    from django.contrib.auth.forms import AuthenticationForm
    from django.utils import translation

    with translation.override("es"):
        message = str(AuthenticationForm.error_messages["invalid_login"])
    assert message.startswith("Escribe bien tu")
