"""The shipped content: complete in kk, ru and en, plain, and honest about what is not known."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from checker.engine import Flow, is_optional
from content_io import parse_tree
from content_io.management.commands.content_report import article_texts
from editorial.languages import LANGUAGE_CODES as LANGS
from law.plain_language import PLAIN_LANGUAGE_BAR, average_sentence_length

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = pytest.mark.backend_agnostic

TREE = parse_tree()
DRAFT = next(e for e in TREE.editions if e.slug == "draft-2025")
# Every edition's articles: the draft (history) and the law in force are held to the same bars.
ARTICLES = [article for edition in TREE.editions for article in edition.articles]
KAZAKH_LETTERS = set("әғқңөұүһі")


def article_id(article):
    return f"{article.edition}/article-{article.number}"


def test_both_editions_are_explained_in_full():
    counts = {edition.slug: len(edition.articles) for edition in TREE.editions}
    assert counts == {"draft-2025": 28, "law-230-viii": 31}


def all_or_none(values: dict, where: str):
    present = {lang for lang, value in values.items() if value}
    assert present in (set(), set(LANGS)), f"{where}: written in {sorted(present) or 'none'}, missing in the others"


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_every_article_is_explained_in_all_three_languages(article):
    for lang in LANGS:
        texts = article.texts[lang]
        assert texts["plain_title"], f"{lang}: plain title missing"
        assert texts["summary"], f"{lang}: 'In short' missing"
    all_or_none({lang: article.texts[lang]["for_you"] for lang in LANGS}, "for_you")
    for label in article.meta["paragraphs"]:
        all_or_none({lang: article.texts[lang]["paragraphs"].get(label, {}).get("note") for lang in LANGS}, label)
    for item in article.meta["rights_and_duties"]:
        for lang in LANGS:
            assert article.texts[lang]["rights_and_duties"].get(item["key"]), f"{item['key']} missing in {lang}"


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_sentences_are_short_in_every_language(article):
    for lang in LANGS:
        average = average_sentence_length(*article_texts(article.texts[lang]))
        assert 0 < average <= PLAIN_LANGUAGE_BAR[lang], f"{lang}: {average:.1f} words per sentence"


def test_official_text_of_the_draft_is_never_invented():
    """A draft has no official publication, so it can have no official text at all: nothing under
    content/official/ for it (the only way official text reaches the site), and no article's
    files hold any (the content files have no field for it)."""
    assert not (Path(settings.CONTENT_DIR) / "official" / DRAFT.slug).exists()
    for article in DRAFT.articles:
        for lang in LANGS:
            assert "official_title" not in article.texts[lang]
            assert all("official" not in p for p in article.texts[lang]["paragraphs"].values())


@pytest.mark.parametrize("article", DRAFT.articles, ids=article_id)
def test_every_explanation_says_when_it_was_checked(article):
    assert article.meta["last_checked"] is not None


def test_articles_with_rights_or_duties_say_what_they_mean_for_you():
    for article in ARTICLES:
        if article.meta["rights_and_duties"]:
            assert all(article.texts[lang]["for_you"] for lang in LANGS), article.number


@pytest.mark.parametrize("edition", TREE.editions, ids=lambda e: e.slug)
def test_glossaries_and_flows_are_complete(edition):
    glossary = edition.extra["glossary"]
    assert glossary and glossary["terms"], f"{edition.slug} has no glossary"
    for slug in (t["slug"] for t in glossary["terms"]):
        for lang in LANGS:
            term = glossary["texts"][lang][slug]
            assert term["name"] and term["definition"], f"glossary {slug} in {lang}"
    flow = edition.extra["check"]
    if flow is not None:
        texts = flow["texts"]
        for key in texts["en"]:
            all_or_none({lang: texts[lang].get(key) for lang in LANGS}, f"flow {key}")
        # Every word the flow's pages need is written in every language; only hints may be left out.
        needed = [k for k in Flow.from_declaration(flow["declaration"]).text_keys() if not is_optional(k)]
        missing = {lang: [k for k in needed if not texts[lang].get(k)] for lang in LANGS}
        assert missing == {lang: [] for lang in LANGS}


def test_pages_are_complete():
    for slug, (_meta, texts) in TREE.pages.items():
        for lang in LANGS:
            assert texts[lang]["title"] and texts[lang]["body"], f"page {slug} in {lang}"


@pytest.mark.parametrize("edition", TREE.editions, ids=lambda e: e.slug)
def test_one_term_one_translation(edition):
    """Each glossary name is used for one term only, in each language, within an edition."""
    glossary = edition.extra["glossary"]
    for lang in LANGS:
        names = [glossary["texts"][lang][t["slug"]]["name"].casefold() for t in glossary["terms"]]
        assert len(names) == len(set(names)), lang


def language_files():
    for name, data in TREE.files.items():
        match = re.search(r"/(kk|ru|en)\.toml$", name) or re.match(r"(?:.*/)?(kk|ru|en)\.toml$", name)
        if match:
            yield name, match.group(1), data.decode("utf-8")


def test_links_stay_in_the_same_language():
    for name, lang, text in language_files():
        for prefix in re.findall(r"\]\(/(kk|ru|en)/", text):
            assert prefix == lang, f"{name} links to /{prefix}/"


def test_kazakh_is_written_with_its_own_letters():
    for name, lang, text in language_files():
        if lang == "kk" and "/article-" in name:
            letters = set(text.lower())
            assert letters & KAZAKH_LETTERS, f"{name} has no Kazakh letters"
