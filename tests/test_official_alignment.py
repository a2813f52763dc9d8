"""Every explanation sits beside the paragraph it explains (#33 item 4). For each official text that
ships with the site (content/official/), the article's content lists exactly the paragraphs of the
official text, in its order: so each note's label exists in the law, and each paragraph of the law
has its place, with a note or deliberately without one (listed, its note left empty in every
language: the article's summary, or the note of the paragraph it belongs to, explains it). The test
lists every mismatch at once."""

import pytest

from content_io import parse_tree
from editorial.languages import LANGUAGE_CODES
from official.importer import parse, read
from official.shipped import manifests

# Files only, no database: runs once, in the SQLite phase.
pytestmark = pytest.mark.backend_agnostic

SHIPPED = manifests()
TREE = parse_tree()


def test_some_official_text_ships_with_the_site():
    assert {(s.edition, s.lang) for s in SHIPPED} >= {("law-230-viii", "ru")}


def mismatches(shipped) -> list[str]:
    edition = next(e for e in TREE.editions if e.slug == shipped.edition)
    law = parse(read(shipped.file.read_bytes()).lines, shipped.lang)
    explained = {a.number: a for a in edition.articles}
    official = {a.number: a for a in law.articles}
    found = [f"article {n}: in the official text, not in content/" for n in official if n not in explained]
    found += [f"article {n}: in content/, not in the official text" for n in explained if n not in official]
    for number in official.keys() & explained.keys():
        labels = [p.label for p in official[number].paragraphs]
        article = explained[number]
        listed = article.meta["paragraphs"]
        noted = [
            label
            for label in listed
            if any(article.texts[lang]["paragraphs"].get(label, {}).get("note") for lang in LANGUAGE_CODES)
        ]
        for label in noted:
            if label not in labels:
                found.append(f"article {number}: the note on {label} explains no paragraph of the law")
        for label in labels:
            if label not in listed:
                found.append(f"article {number}: paragraph {label} of the law has no place in content/")
        for label in listed:
            if label not in labels and label not in noted:
                found.append(f"article {number}: {label} is listed but is no paragraph of the law")
        if [label for label in listed if label in labels] != [label for label in labels if label in listed]:
            found.append(f"article {number}: paragraphs listed in another order than the law's: {listed}")
    return found


@pytest.mark.parametrize("shipped", SHIPPED, ids=lambda s: f"{s.edition}-{s.lang}")
def test_each_note_sits_beside_a_paragraph_of_the_law_and_each_paragraph_has_its_place(shipped):
    assert mismatches(shipped) == []


def test_a_mismatch_is_reported(monkeypatch):
    """The check can fail: a note moved to a label the law does not have, and a paragraph dropped."""
    shipped = next(s for s in SHIPPED if s.edition == "law-230-viii" and s.lang == "ru")
    article = next(a for e in TREE.editions if e.slug == shipped.edition for a in e.articles if a.number == "17")
    monkeypatch.setitem(article.meta, "paragraphs", [*article.meta["paragraphs"][1:], "9"])
    for lang in LANGUAGE_CODES:
        monkeypatch.setitem(article.texts[lang]["paragraphs"], "9", {"note": "A note on nothing."})
    assert mismatches(shipped) == [
        "article 17: the note on 9 explains no paragraph of the law",
        "article 17: paragraph 1 of the law has no place in content/",
    ]
