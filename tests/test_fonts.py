"""The site's own font: every character the site writes has a glyph in it, and the CSS uses it.

Pages and printed summaries must not depend on the fonts a machine happens to have (a missing glyph
would be drawn from some other font, with other metrics). The glyphs are read from the font files
themselves with fontTools, not from a list kept by hand.
"""

import re

import pytest
from fontTools.ttLib import TTFont

from .conftest import ROOT

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = pytest.mark.backend_agnostic

FONTS = ROOT / "static" / "fonts"
CSS = (ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}")
KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def faces():
    found = []
    for match in FACE.finditer(CSS):
        body = match["body"]
        url = re.search(r'url\("\.\./fonts/([^"]+)"\)', body)[1]
        weight = int(re.search(r"font-weight:\s*(\d+)", body)[1])
        ranges = []
        for part in re.search(r"unicode-range:\s*([^;]+);", body)[1].split(","):
            start, _dash, end = part.strip()[2:].partition("-")
            ranges.append((int(start, 16), int(end or start, 16)))
        found.append({"file": url, "weight": weight, "ranges": ranges, "body": body})
    return found


def glyphs_by_weight():
    """Characters drawn by the site's font at each weight, counting a file only within its range."""
    covered = {}
    for face in faces():
        cmap = TTFont(FONTS / face["file"]).getBestCmap()
        chars = {c for c in cmap if any(a <= c <= b for a, b in face["ranges"])}
        covered.setdefault(face["weight"], set()).update(chars)
    return covered


def site_texts():
    """Every text the site shows: templates, interface translations, content files."""
    paths = [*ROOT.glob("*/templates/**/*.html"), *ROOT.glob("templates/**/*.html")]
    paths += ROOT.glob("locale/*/LC_MESSAGES/django.po")
    paths += ROOT.glob("content/**/*.toml")
    return {path: path.read_text(encoding="utf-8") for path in paths}


def test_the_css_declares_the_site_font_for_regular_and_bold_with_swap():
    declared = faces()
    assert {f["weight"] for f in declared} == {400, 700}
    for face in declared:
        assert (FONTS / face["file"]).is_file(), face["file"]
        assert face["file"].endswith(".woff2")
        assert "font-display: swap" in face["body"]
    assert re.search(r'--font:\s*"Site Sans"', CSS)
    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", CSS):
        assert not re.match(r"(https?:)?//", url), f"a font or image from elsewhere: {url}"


@pytest.mark.parametrize("weight", [400, 700])
def test_every_letter_of_the_three_languages_has_a_glyph(weight):
    covered = glyphs_by_weight()[weight]
    alphabet = KAZAKH + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    alphabet += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789«»—–№“”‘’…"
    missing = sorted({c for c in alphabet if ord(c) not in covered})
    assert not missing, f"no glyph at weight {weight} for {missing}"


def test_every_character_the_site_writes_has_a_glyph():
    covered = glyphs_by_weight()
    both = covered[400] & covered[700]
    missing = {}
    for path, text in site_texts().items():
        for char in set(text):
            if char.isprintable() and not char.isspace() and ord(char) not in both:
                missing.setdefault(f"U+{ord(char):04X} {char}", []).append(str(path.relative_to(ROOT)))
    assert not missing, f"characters outside the site's font: {missing}"


def test_the_font_files_are_small():
    sizes = {path.name: path.stat().st_size for path in FONTS.glob("*.woff2")}
    assert sizes and sum(sizes.values()) < 120_000, sizes
