"""The site's termbase: one approved form per concept in kk, ru and en, and the forms not to use.

It lives in content/terms.toml, as data an editor can read and change. Each entry names a concept,
its approved form in each language, where that form comes from ("official": the law's own text;
"usage": other official wording, such as the Code of Administrative Offences; "site": our choice
where no official form is known), and the forms to avoid. An avoided form is written as words
whose beginnings are matched, so «иеленуші» also finds «иеленушілердің» and «производитель
библиотеки» also finds «производителя библиотеки». `except` lists longer phrases in which an
avoided form is right («құқық иеленуші», a rightholder); `allowed_in` lists paths where it is
right (Article 22 uses «подотчетность» for machine-readable forms), or fields ("#…also_called": a
glossary term's other names, which are there so that search finds the term by them).

The test tests/test_termbase.py reads every text in content/ and the catalogues in locale/ and
locale_vendor/ through `violations()`; the admin shows the approved terms beside the fields.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCES = ("official", "usage", "site")
LANGS = ("kk", "ru", "en")


def normalise(text: str) -> str:
    """Lower case, «ё» read as «е», and any run of spaces as one: how terms are compared."""
    return " ".join(text.lower().replace("ё", "е").split())


def phrase_pattern(phrase: str) -> re.Pattern:
    """'производитель библиотеки' → words that begin so, in that order, at word starts; a word
    written with a final '|' must end there."""
    parts = []
    for word in normalise(phrase).split():
        whole = word.endswith("|")  # matched whole, not as the beginning of a longer word
        parts.append(re.escape(word.rstrip("|")) + (r"(?!\w)" if whole else r"\w*"))
    return re.compile(r"(?<!\w)" + r"\s+".join(parts))


@dataclass(frozen=True)
class Term:
    concept: str
    source: str
    approved: dict[str, str]
    avoid: dict[str, tuple[str, ...]]
    exceptions: dict[str, tuple[str, ...]]
    allowed_in: tuple[str, ...]
    note: str = ""

    def misuses(self, text: str, lang: str) -> list[str]:
        """The avoided forms this text uses in this language (as written there), none if right."""
        found = []
        plain = normalise(text)
        exception_spans = [
            m.span() for phrase in self.exceptions.get(lang, ()) for m in phrase_pattern(phrase).finditer(plain)
        ]
        for phrase in self.avoid.get(lang, ()):
            for match in phrase_pattern(phrase).finditer(plain):
                start, end = match.span()
                if not any(a <= start and end <= b for a, b in exception_spans):
                    found.append(match.group())
        return found


@dataclass(frozen=True)
class Violation:
    path: str
    field: str
    lang: str
    concept: str
    word: str

    def __str__(self):
        return f"{self.path} [{self.field}] ({self.lang}): «{self.word}» — use the approved form for '{self.concept}'"


def read_terms(path: Path) -> list[Term]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    terms = []
    for raw in data.get("terms", []):
        terms.append(
            Term(
                concept=raw["concept"],
                source=raw["source"],
                approved={lang: raw[lang] for lang in LANGS},
                avoid={lang: tuple(v) for lang, v in raw.get("avoid", {}).items()},
                exceptions={lang: tuple(v) for lang, v in raw.get("except", {}).items()},
                allowed_in=tuple(raw.get("allowed_in", ())),
                note=raw.get("note", ""),
            )
        )
    return terms


@cache
def terms(content_dir: Path | None = None) -> tuple[Term, ...]:
    """The termbase of the site's content (cached: the file changes with a deploy)."""
    if content_dir is None:
        from django.conf import settings

        content_dir = Path(settings.CONTENT_DIR)
    return tuple(read_terms(content_dir / "terms.toml"))


def check(text: str, lang: str, path: str, field: str, termbase) -> list[Violation]:
    return [
        Violation(path, field, lang, term.concept, word)
        for term in termbase
        if not any(fragment in f"{path}#{field}" for fragment in term.allowed_in)
        for word in term.misuses(text, lang)
    ]


def flat_strings(table, prefix: str = ""):
    """(dotted key, text) for every string in a TOML table, lists included."""
    if isinstance(table, dict):
        for key, value in table.items():
            yield from flat_strings(value, f"{prefix}{key}.")
    elif isinstance(table, list):
        for i, value in enumerate(table):
            yield from flat_strings(value, f"{prefix}{i}.")
    elif isinstance(table, str):
        yield prefix.rstrip("."), table


def content_texts(content_dir: Path):
    """(path, field, lang, text) for every text of the site's content in kk, ru and en. The official
    texts (content/official/) are the state's publications, shipped verbatim: they are not ours to
    correct, so they are not read here."""
    for path in sorted(content_dir.rglob("*.toml")):
        relative = path.relative_to(content_dir).as_posix()
        if path.stem not in LANGS or relative.startswith("official/"):
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for field, text in flat_strings(data):
            yield f"content/{relative}", field, path.stem, text


def catalogue_texts(base_dir: Path):
    """(path, msgid, lang, msgstr) for every translated interface string in locale/ and locale_vendor/."""
    from babel.messages.pofile import read_po

    for folder in ("locale", "locale_vendor"):
        for path in sorted((base_dir / folder).glob("*/LC_MESSAGES/*.po")):
            lang = path.parts[-3]
            if lang not in LANGS:
                continue
            with path.open("rb") as f:
                catalog = read_po(f)
            for message in catalog:
                strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
                for text in strings:
                    if message.id and text:
                        msgid = message.id if isinstance(message.id, str) else message.id[0]
                        yield path.relative_to(base_dir).as_posix(), msgid[:60], lang, text


def violations(base_dir: Path, content_dir: Path | None = None) -> list[Violation]:
    """Every use of an avoided form in the site's content and catalogues."""
    content_dir = content_dir or base_dir / "content"
    termbase = read_terms(content_dir / "terms.toml")
    found = []
    for texts in (content_texts(content_dir), catalogue_texts(base_dir)):
        for path, field, lang, text in texts:
            found += check(text, lang, path, field, termbase)
    return found


# A Kazakh noun after a number stays singular: «59 бап», not «59 баптар» (nor after a placeholder).
KAZAKH_PLURAL_AFTER_NUMBER = re.compile(
    r"(?:\b\d+|%\(\w+\)[ds]|%[ds]|\{\{\s*\w+\s*\}\})\s+(\w+(?:лар|лер|дар|дер|тар|тер))\b"
)


def kazakh_counts_in_plural(base_dir: Path) -> list[Violation]:
    found = []
    for path, field, lang, text in catalogue_texts(base_dir):
        if lang == "kk":
            for match in KAZAKH_PLURAL_AFTER_NUMBER.finditer(text):
                found.append(Violation(path, field, lang, "a count keeps its noun singular", match.group(0)))
    return found
