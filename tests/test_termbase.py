"""The termbase (content/terms.toml): one form per concept in kk, ru and en, checked in every text.

Every text of the site's content (articles, glossary, the flow's words, pages, concordance notes)
and every translated interface string (locale/, locale_vendor/) is read; a form the termbase says
not to use fails the test, named with its file, field and word. Kazakh and Russian endings are
understood: a form matches by the beginnings of its words.
"""

from pathlib import Path

import pytest

from editorial.termbase import (
    LANGS,
    SOURCES,
    check,
    kazakh_counts_in_plural,
    read_terms,
    violations,
)

from .conftest import ROOT

TERMS = read_terms(ROOT / "content/terms.toml")


def test_the_termbase_names_one_approved_form_per_language_with_its_source():
    assert TERMS
    concepts = [term.concept for term in TERMS]
    assert len(concepts) == len(set(concepts))
    for term in TERMS:
        assert term.source in SOURCES, term.concept
        assert all(term.approved[lang].strip() for lang in LANGS), term.concept
        # The approved form is never one of the forms to avoid.
        assert all(not term.misuses(term.approved[lang], lang) for lang in LANGS), term.concept


def test_no_text_of_the_site_uses_a_form_the_termbase_avoids():
    found = violations(ROOT)
    assert not found, f"{len(found)} uses of avoided forms:\n" + "\n".join(map(str, found[:60]))


def test_kazakh_counts_keep_their_noun_singular():
    """«59 бап», «%(count)d рөл»: a Kazakh noun after a number is not plural."""
    found = kazakh_counts_in_plural(ROOT)
    assert not found, "\n".join(map(str, found))


# A planted avoided form, inflected, in each language: it must be caught, and named.
PLANTED = {
    "kk": ("Жүйенің иеленушілерінің міндеттері.", "иеленушілерінің"),
    "ru": ("Сведения о производителе библиотеки данных указывают всегда.", "производителе"),
    "en": ("The manufacturer of the data library is named.", "manufacturer"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_planted_avoided_form_is_caught_in_each_language(lang):
    text, word = PLANTED[lang]
    found = check(text, lang, "content/planted/" + lang + ".toml", "summary", TERMS)
    assert [v.word for v in found] == [word]
    assert "content/planted" in str(found[0]) and "summary" in str(found[0])


def test_a_planted_avoided_form_fails_the_whole_check(tmp_path):
    content = tmp_path / "content"
    (content / "ai-law/x/article-1").mkdir(parents=True)
    (content / "terms.toml").write_text((ROOT / "content/terms.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (content / "ai-law/x/article-1/kk.toml").write_text('summary = "Меншік иесі мен иеленушісі."\n', encoding="utf-8")
    (content / "ai-law/x/article-1/ru.toml").write_text('summary = "Уровня риска нет."\n', encoding="utf-8")
    found = violations(Path(tmp_path), content)
    assert {(v.path, v.lang, v.word) for v in found} >= {
        ("content/ai-law/x/article-1/kk.toml", "kk", "иеленушісі"),
        ("content/ai-law/x/article-1/ru.toml", "ru", "уровня риска"),
    }


def test_a_right_phrase_that_contains_an_avoided_form_is_not_flagged():
    # «құқық иеленуші» is a rightholder, not a possessor; «пайдаланушылық келісім» is the approved form.
    assert check("Автор немесе құқық иеленушісі тыйым салады.", "kk", "content/x/kk.toml", "f", TERMS) == []
    assert check("Пайдаланушылық келісіммен танысыңыз.", "kk", "content/x/kk.toml", "f", TERMS) == []
    assert check("Пайдаланушы келісімін оқыңыз.", "kk", "content/x/kk.toml", "f", TERMS) != []


def test_the_official_texts_are_not_checked(tmp_path):
    """The state's publications are shipped verbatim: their words are not ours to correct."""
    content = tmp_path / "content"
    (content / "official/law").mkdir(parents=True)
    (content / "terms.toml").write_text((ROOT / "content/terms.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (content / "official/law/ru.toml").write_text('text = "производитель"\n', encoding="utf-8")
    assert violations(Path(tmp_path), content) == []


@pytest.mark.django_db
def test_editors_see_the_termbase_and_the_approved_word_beside_a_field(editor):
    from law.models import Article

    from .admin_forms import signed_in
    from .conftest import soup

    client = signed_in(editor)
    page = soup(client.get("/admin/law/article/termbase/"))
    rows = page.select("table.termbase tbody tr")
    assert len(rows) == len(TERMS)
    possessor = next(row for row in rows if row.th.get_text().startswith("possessor"))
    assert possessor.select_one('td[lang="kk"]').get_text() == "иегер"
    # An article whose Kazakh summary uses an avoided form: the note under that field names the
    # approved form (the text itself is not changed by anyone but the editor).
    article = Article.objects.filter(edition__slug="law-230-viii").first()
    Article.objects.filter(pk=article.pk).update(summary_kk="Меншік иесі мен иеленушісі.")
    form = soup(client.get(f"/admin/law/article/{article.pk}/change/"))
    note = form.select_one("#id_summary_kk").find_parent(class_="sources-target").select_one(".sources-terms")
    assert note is not None and "иегер" in note.get_text() and "иеленушісі" in note.get_text()
    assert form.select_one("#id_summary_ru").find_parent(class_="sources-target").select_one(".sources-terms") is None
