"""Where records find the glossary terms to link when they are saved.

The terms live in the law app; records in any app (the law's articles, the question flow's words)
link them. The law app registers its source here when it starts (law.apps), so this package never
imports the law app and the law's models never import its glossary module.
"""

from __future__ import annotations

from collections.abc import Callable

from .glossary_links import Term


class Terms(dict):
    """{lang: [Term]} for one edition, with the address of that edition's glossary page."""

    def __init__(self, by_lang: dict[str, list[Term]] | None = None, path: Callable[[str], str] | None = None):
        super().__init__(by_lang or {})
        self._path = path

    def path(self, lang: str) -> str:
        return self._path(lang) if self._path else ""


_source: Callable[[int | None], Terms] | None = None


def register(source: Callable[[int | None], Terms]) -> None:
    global _source
    _source = source


def glossary_terms(edition_id: int | None) -> Terms:
    """The terms to link in a record of this edition; none when no edition or no source."""
    if edition_id is None or _source is None:
        return Terms()
    return _source(edition_id)
