"""Templates compare enums (`award.status == award.Status.WITHDRAWN`) or read cheap properties, never the raw
stored value (`award.status == "retirado"`): a renamed value must not silently turn a branch off."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AREAS = ("cms", "lms", "incubator")

# An attribute that holds a stored choice: .status, .kind, .state, .outcome, .decision, .reported_by, .source ...
CHOICE_ATTR = r"\.(?:\w*_)?(?:status|kind|state|type|outcome|decision|source|reported_by|reason|rule|role)\b"
LITERAL = r"""(?:"[^"]*"|'[^']*')"""
OPERATOR = r"(?:==|!=|not\s+in|in)"
RAW_COMPARISON = re.compile(
    rf"[\w.]*\w{CHOICE_ATTR}\s*{OPERATOR}\s*{LITERAL}"  # x.status == "a"
    rf"|{LITERAL}\s*{OPERATOR}\s*[\w.]*{CHOICE_ATTR}"
)  # "a" == x.status


def raw_comparisons(text: str) -> list[str]:
    """The raw-string comparisons inside the template tags ({% ... %}) of one template."""
    return [m.group(0) for tag in re.findall(r"{%.*?%}", text, flags=re.S) for m in RAW_COMPARISON.finditer(tag)]


def test_the_scan_catches_a_raw_comparison_and_lets_enums_through():
    assert raw_comparisons('{% if award.status == "retirado" %}') == ['award.status == "retirado"']
    assert raw_comparisons("{% elif row.state != 'excusado' %}") == ["row.state != 'excusado'"]
    assert raw_comparisons('{% if "audio" == item.kind %}') == ['"audio" == item.kind']
    assert raw_comparisons('{% if line.item.reported_by == "navegador" %}') == ['line.item.reported_by == "navegador"']
    assert raw_comparisons("{% if award.status == award.Status.WITHDRAWN %}") == []
    assert raw_comparisons('{% if "comment" in saved %}{% translate "status == \'x\'" %}') == []


def test_no_template_compares_a_stored_choice_with_a_string():
    found = []
    for area in AREAS:
        for path in sorted((ROOT / area).rglob("*.html")):
            found += [f"{path.relative_to(ROOT)}: {hit}" for hit in raw_comparisons(path.read_text(encoding="utf-8"))]
    assert found == [], "Compare with the enum (x.status == x.Status.NAME) or a property:\n" + "\n".join(found)
