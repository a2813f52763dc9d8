"""The same article in two or three languages side by side, aligned paragraph by paragraph.

Rows are keyed by the paragraph label, which is the same in every language, so a paragraph that one
language lacks leaves a visible gap in that column instead of shifting the following ones up.
The visitor's choice comes from the query string (`langs=kk,ru`, `text=official|explanation`) and
is checked here; a bad choice gives a message in the visitor's language, never an error page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from editorial.languages import LANGUAGE_CODES, LANGUAGE_NAMES, text_in

from .presentation import article_title
from .record_names import paragraph_heading

TEXT_KINDS = ("official", "explanation")
MAX_CODES = 10  # more than this in `langs` is not a choice anyone made: refuse without parsing further


@dataclass
class Choice:
    langs: list[str]
    text: str
    error: str = ""


def default_langs(current: str) -> list[str]:
    """The visitor's language first, then the others in the site's order."""
    return [current, *[code for code in LANGUAGE_CODES if code != current]]


def parse_choice(query, current: str, default_text: str = "official") -> Choice:
    """Read `langs` (comma-separated or repeated, as checkboxes send it) and `text` (`default_text`
    when not given: the explanation while no official text is loaded)."""
    text = query.get("text") or default_text
    raw = [part.strip().lower() for value in query.getlist("langs") for part in value.split(",")]
    raw = [code for code in raw if code]
    fallback = Choice(default_langs(current), text if text in TEXT_KINDS else "official")
    if text not in TEXT_KINDS:
        fallback.error = _("Choose the official text or the explanation.")
        return fallback
    if not raw:
        return fallback
    langs = list(dict.fromkeys(raw[: MAX_CODES + 1]))
    if len(raw) > MAX_CODES or any(code not in LANGUAGE_NAMES for code in langs) or not 2 <= len(langs) <= 3:
        fallback.error = _("Choose two or three different languages: Kazakh, Russian or English.")
        return fallback
    return Choice(langs, text)


@dataclass
class Cell:
    lang: str
    text: str = ""  # plain text (official), shown with line breaks
    html: str = ""  # sanitized HTML rendered when saved (explanations)
    official: bool = False  # the official text's column beside the explanations
    # Nothing to show, and nothing missing: a paragraph left without a note in every language, or
    # the official column beside "In short".
    empty: bool = False

    @property
    def missing(self) -> bool:
        return not self.empty and not (self.text.strip() or self.html.strip())


@dataclass
class Row:
    key: str
    heading: str
    anchor: str = ""
    cells: list[Cell] = field(default_factory=list)


def columns(article, langs: list[str], official: str | None = None) -> list[dict]:
    found = [{"code": code, "name": LANGUAGE_NAMES[code], "title": article_title(article, code)} for code in langs]
    if official:
        found.append(
            {"code": official, "name": _("Official text"), "title": LANGUAGE_NAMES[official], "official": True}
        )
    return found


def official_language(paragraphs, langs: list[str]) -> str | None:
    """The language of the official text shown beside the explanations: the first of the chosen
    ones that has it, else the first of the site's (the law ships in Russian)."""
    for code in dict.fromkeys([*langs, *LANGUAGE_CODES]):
        if any(text_in(paragraph, "official_text", code) for paragraph in paragraphs):
            return code
    return None


def official_rows(paragraphs, langs: list[str]) -> list[Row]:
    rows = []
    for paragraph in paragraphs:
        cells = [Cell(code, text=text_in(paragraph, "official_text", code)) for code in langs]
        if all(cell.missing for cell in cells):
            continue
        rows.append(Row(f"p-{paragraph.label}", paragraph_heading(paragraph.label), paragraph.anchor, cells))
    return rows


def explanation_rows(article, paragraphs, langs: list[str], official: str | None = None) -> list[Row]:
    """The explanation in each language, and, where the article has official text, that text in a
    last column beside each paragraph's notes (a paragraph without a note still shows its text)."""
    beside = [Cell(official, official=True, empty=True)] if official else []
    rows = [
        Row(
            "summary",
            _("In short"),
            "plain-language",
            [*(Cell(c, html=text_in(article, "summary_html", c)) for c in langs), *beside],
        ),
        Row(
            "for-you",
            _("What this means for you"),
            "plain-language",
            [*(Cell(c, html=text_in(article, "for_you_html", c)) for c in langs), *beside],
        ),
    ]
    for paragraph in paragraphs:
        heading = _("Explanation: %(name)s") % {"name": paragraph_heading(paragraph.label)}
        cells = [Cell(code, html=text_in(paragraph, "note_html", code)) for code in langs]
        if official:
            law = Cell(official, text=text_in(paragraph, "official_text", official), official=True)
            if all(cell.missing for cell in cells) and not law.missing:
                heading = paragraph_heading(paragraph.label)
                cells = [Cell(cell.lang, empty=True) for cell in cells]  # deliberately no note
            cells.append(law)
        rows.append(Row(f"note-{paragraph.label}", heading, paragraph.anchor, cells))
    return [row for row in rows if not all(cell.missing or cell.empty for cell in row.cells)]


def compare_rows(article, paragraphs, choice: Choice, official: str | None = None) -> list[Row]:
    if choice.text == "explanation":
        return explanation_rows(article, paragraphs, choice.langs, official)
    return official_rows(paragraphs, choice.langs)


def form_options(choice: Choice) -> dict:
    """What the "compare languages" form shows ticked."""
    return {
        "languages": [
            {"code": code, "name": LANGUAGE_NAMES[code], "checked": code in choice.langs} for code in LANGUAGE_CODES
        ],
        "text": choice.text,
    }
