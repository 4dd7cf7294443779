"""The colour pairs of the site's and the admin's stylesheets meet WCAG AA contrast (4.5:1 for text)."""

import re
from pathlib import Path

import pytest

from tests.factories import UserFactory

STATIC = Path(__file__).resolve().parents[2] / "cms" / "static" / "semilla"
AA_TEXT = 4.5


def _luminance(hex_colour: str) -> float:
    if len(hex_colour) == 4:  # #fff
        hex_colour = "#" + "".join(digit * 2 for digit in hex_colour[1:])
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _rules(css: str) -> dict[str, dict[str, str]]:
    rules = {}
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        declarations = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+)", body))
        rules[selector.strip()] = {name: value.strip() for name, value in declarations.items()}
    return rules


def _site_variables() -> dict[str, str]:
    css = (STATIC / "semilla.css").read_text("utf-8")
    return dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", css))


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#1b8666", "#ffffff") == pytest.approx(4.52, abs=0.01)  # Wagtail's success green


@pytest.mark.parametrize("selector", [".messages .success", ".messages .error"])
def test_admin_messages_meet_aa(selector):
    rule = _rules((STATIC / "admin.css").read_text("utf-8"))[selector]
    ratio = contrast(rule["color"], rule["background-color"])
    assert ratio >= AA_TEXT + 1, f"{selector}: {ratio:.2f}:1 (keep a margin over 4.5:1)"


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("ink", "bg"),
        ("ink", "card"),
        ("muted", "bg"),
        ("brand", "bg"),
        ("brand-ink", "brand"),
        ("ink", "ok-bg"),
        ("warn", "warn-bg"),
        ("error", "error-bg"),
        ("error", "bg"),
    ],
)
def test_site_colour_pairs_meet_aa(text, background):
    colours = _site_variables()
    ratio = contrast(colours[text], colours[background])
    assert ratio >= AA_TEXT, f"--{text} on --{background}: {ratio:.2f}:1"


@pytest.mark.django_db
def test_the_admin_loads_the_stylesheet_after_wagtails(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get("/admin/").content.decode()
    assert "semilla/admin" in html
    assert html.index("semilla/admin") > html.index("wagtailadmin/css/core"), "Wagtail's own colours would win"
