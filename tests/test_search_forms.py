"""A search finds a word in the forms people type: Russian and English by their Snowball stems,
Kazakh by its noun endings; and what it found is highlighted as whole words."""

import pytest
from django.test import Client

from law.models import Article
from search.folding import fold
from search.stemming import stem

from .conftest import visible_text
from .test_search import results_here, search

# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("kk", ["жүйе", "жүйесі", "жүйеге", "жүйелердің", "жүйесіне"]),
        ("kk", ["құқық", "құқығы", "құқықтары", "құқығына"]),
        ("kk", ["пайдаланушы", "пайдаланушыға", "пайдаланушылардың"]),
        ("kk", ["ие", "иесі", "иелері"]),
        ("kk", ["дерек", "деректер", "деректерді"]),
        ("ru", ["система", "системы", "системе", "системами"]),
        ("ru", ["обязанность", "обязанности", "обязанностей"]),
        ("ru", ["данные", "данных", "данным"]),
        ("en", ["library", "libraries"]),
        ("en", ["obligation", "obligations"]),
        ("en", ["decide", "decides", "deciding"]),
    ],
)
def test_the_forms_of_a_word_share_one_stem(lang, forms):
    assert len({stem(fold(form), lang) for form in forms}) == 1, {form: stem(fold(form), lang) for form in forms}


@pytest.mark.parametrize(
    ("word", "lang"),
    [("жасанды", "kk"), ("пайдаланушы", "kk"), ("ана", "kk"), ("закон", "ru"), ("data", "en")],
)
def test_a_word_keeps_what_is_its_own(word, lang):
    """Endings are taken off, never letters of the word itself (one-letter "endings" stay)."""
    assert len(stem(fold(word), lang)) >= len(word) - 2


def set_text(number, **texts):
    article = Article.objects.get(edition__slug="draft-2025", number=number)
    for name, value in texts.items():
        setattr(article, name, value)
    article.save()


@pytest.mark.parametrize(
    ("lang", "written", "typed"),
    [
        ("ru", "Панголины обязаны сообщать.", "панголинов"),
        ("en", "The pangolin libraries must report.", "pangolin library"),
        ("kk", "Панголиндердің құқықтары бар.", "панголин құқығы"),
    ],
)
def test_a_search_finds_another_form_of_the_word(lang, written, typed):
    set_text("9", **{f"summary_{lang}": written})
    found = results_here(search(Client(), lang, typed))
    assert found, typed
    assert "/article-9/" in found[0].find("a")["href"]


def test_highlights_cover_whole_words():
    set_text("9", summary_ru="Панголины обязаны сообщать о панголинах.")
    page = search(Client(), "ru", "панголин")
    marks = [visible_text(mark) for mark in page.select("li.search-result mark")]
    assert "Панголины" in marks and "панголинах" in marks
    assert "Панголин" not in marks  # never a piece of a word


@pytest.mark.parametrize(("one", "other"), [("жаңа", "және"), ("орта", "органы"), ("жеке", "жерде"), ("сонда", "соны")])
def test_unrelated_kazakh_words_keep_apart(one, other):
    assert stem(fold(one), "kk") != stem(fold(other), "kk")


def test_a_common_kazakh_word_finds_only_itself():
    """ "жаңа" (new) must not find every "және" (and): each mark is a form of "жаңа"."""
    page = search(Client(), "kk", "жаңа")
    marks = {fold(visible_text(mark)) for mark in page.select("mark")}
    assert marks and all(mark.startswith("жана") for mark in marks), marks
