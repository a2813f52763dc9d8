"""The translation status page: filters, counts, links to the field to fix, NULL texts counted as
missing, sentences over the plain-language bar; and the plain-language measure itself.

Over 400 lines on purpose: one page, whose filters, counts and links share the helpers at the top;
split it along those seams when it grows further."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from checker.models import FlowText
from editors.admin.translation_status import long_sentences_block
from law.models import Article, Chapter, Edition, GlossaryTerm, Paragraph, RightOrDuty
from law.plain_language import PLAIN_LANGUAGE_BAR, average_sentence_length, long_sentences, sentences
from law.translation_status import INLINE_ORDER, stale_languages

from .admin_forms import form_fields
from .admin_forms import signed_in as admin_signed_in
from .conftest import soup, visible_text

STATUS = "/admin/law/article/translation-status/"
COUNT_COLUMNS = ("missing", "stale", "review", "long", "ok")


def signed_in(user):
    """An editor who reads the admin in English: these tests read the page's own words."""
    client = admin_signed_in(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def status_page(client, **query):
    response = client.get(STATUS, query)
    assert response.status_code == 200
    return soup(response)


def explanation_counts(page, lang):
    row = page.select_one(f"tr.counts-explanation[data-lang={lang}]")
    return {kind: int(row.select_one(f".count-{kind}").get_text()) for kind in COUNT_COLUMNS}


def section_counts(page, model_name, lang):
    """{'missing': n, 'stale': n} from a section's line "KK: 1 missing, 0 out of date" (numbers in that order)."""
    line = page.find(id=f"section-{model_name}").find_next_sibling("p", class_="section-counts")
    missing, stale = map(int, re.findall(r"\d+", visible_text(line.find(attrs={"data-lang": lang}))))
    return {"missing": missing, "stale": stale}


def article_row(page, article):
    link = page.select_one(f".articles-status a[href='/admin/law/article/{article.pk}/change/']")
    return link.find_parent("tr") if link else None


def cell(row, lang, kind="explanation"):
    return row.select_one(f"td.{kind}-cell[data-lang={lang}]")


def save_through_the_admin(client, url, form_id, **changes):
    """Change fields on an admin form as a browser does (CRLF line ends) and save it."""
    data = form_fields(client.get(url), form_id)
    data.update({name: value.replace("\n", "\r\n") for name, value in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 302, visible_text(soup(response).find(class_="errornote") or soup(response))


def main_edition():
    return Edition.objects.main()


def unpublished(article):
    """The article as a draft: its form saves the record itself (a published one saves a next version for review)."""
    Article.objects.filter(pk=article.pk).update(status="draft")
    article.refresh_from_db()
    return article


# --------------------------------------------------------------------------- filters and counts


@pytest.mark.django_db
def test_the_page_opens_on_the_main_edition_with_only_what_needs_work(editor):
    page = status_page(signed_in(editor))
    chosen = page.select_one("select[name=edition] option[selected]")
    assert chosen["value"] == main_edition().slug
    assert page.select_one("select[name=state] option[selected]")["value"] == "needs-work"
    for row in page.select(".articles-status tbody tr"):
        states = [td["class"][0] for td in row.find_all("td")]
        assert any(state != "state-ok" for state in states), row.th.get_text()
    # The shipped Russian text is there: the official column is shown, not the line for an edition
    # without any official text (test_an_edition_without_official_text_has_one_line_for_it).
    assert page.select_one("p.no-official") is None


@pytest.mark.django_db
def test_a_russian_edit_of_a_duty_leaves_kazakh_out_of_date(editor):
    client = signed_in(editor)
    duty = RightOrDuty.objects.filter(edition=main_edition(), kind="duty").order_by("article__position").first()
    article = unpublished(duty.article)
    before = status_page(client, language="kk")
    assert explanation_counts(before, "kk")["stale"] == 0  # the loaded content starts up to date

    index = list(article.rights_and_duties.order_by(*INLINE_ORDER)).index(duty)
    save_through_the_admin(
        client,
        f"/admin/law/article/{article.pk}/change/",
        "article_form",
        **{f"rights_and_duties-{index}-text_ru": duty.text_ru + "\nЭто правило действует с начала работы системы."},
    )

    kazakh = status_page(client, language="kk", state="needs-work")
    assert explanation_counts(kazakh, "kk")["stale"] == 1
    row = article_row(kazakh, article)
    assert row is not None, "the article is listed as needing work in Kazakh"
    kk = cell(row, "kk")
    assert kk["class"][0] in ("state-stale", "state-missing")
    fix = kk.select_one("li.fix-stale a")
    with translation.override("en"):
        assert visible_text(fix) == f"{duty.get_kind_display()} {duty.key}: ru changed"
    assert fix["href"] == f"/admin/law/article/{article.pk}/change/#id_rights_and_duties-{index}-text_kk"
    assert cell(row, "ru") is None  # only the chosen language's columns

    # The duty is also listed among the rights and duties, linking to the same field.
    assert section_counts(kazakh, "rightorduty", "kk") == {"missing": 0, "stale": 1}
    listed = kazakh.find(id="section-rightorduty").find_next("table").select_one("li.fix-stale a")
    assert listed["href"] == fix["href"]

    russian = status_page(client, language="ru", state="all")
    assert explanation_counts(russian, "ru")["stale"] == 0
    ru = cell(article_row(russian, article), "ru")
    assert ru["class"][0] in ("state-ok", "state-long") and not ru.select("li.fix-stale")
    english = status_page(client, language="en")
    assert explanation_counts(english, "en")["stale"] == 1


@pytest.mark.django_db
def test_unknown_filter_values_fall_back_to_the_defaults(editor):
    page = status_page(signed_in(editor), edition="no-such-edition", language="fr", state="whatever")
    assert page.select_one("select[name=edition] option[selected]")["value"] == main_edition().slug
    assert {tr["data-lang"] for tr in page.select("tr.counts-explanation")} == {"kk", "ru", "en"}


@pytest.mark.django_db
def test_everything_shows_every_article_of_the_chosen_edition(editor):
    page = status_page(signed_in(editor), edition="draft-2025", state="all", language="en")
    rows = page.select(".articles-status tbody tr")
    assert len(rows) == Article.objects.filter(edition__slug="draft-2025").count()
    counts = explanation_counts(page, "en")
    assert counts["ok"] + sum(1 for r in rows if r.td["class"][0] != "state-ok") == len(rows)


@pytest.mark.django_db
def test_an_edition_without_official_text_has_one_line_for_it(editor):
    """The draft has no official text in any language: one line says so, not a column of "not loaded"."""
    page = status_page(signed_in(editor), edition="draft-2025", state="all")
    assert page.select_one("p.no-official") is not None
    assert not page.select("td.state-none") and not page.select("td.official-cell")


@pytest.mark.django_db
def test_an_edition_with_official_text_has_official_cells(editor):
    article = Article.objects.filter(edition__slug="draft-2025").exclude(paragraphs=None).first()
    paragraphs = list(article.paragraphs.order_by(*INLINE_ORDER))
    for paragraph in paragraphs:
        for lang in ("kk", "ru", "en"):
            setattr(paragraph, f"official_text_{lang}", f"[{lang}] Official text of {paragraph.label}.")
        paragraph.save()
    paragraphs[-1].official_text_kk = None
    paragraphs[-1].save()
    page = status_page(signed_in(editor), edition="draft-2025", language="kk")
    assert page.select_one("p.no-official") is None
    official = cell(article_row(page, article), "kk", "official")
    assert official["class"][0] == "state-missing"
    link = official.select_one("li.fix-missing a")["href"]
    assert link == f"/admin/law/article/{article.pk}/change/#id_paragraphs-{len(paragraphs) - 1}-official_text_kk"
    # Other articles of the edition have no official text in any language: said per article.
    other = Article.objects.filter(edition__slug="draft-2025", paragraphs=None).first()
    assert cell(article_row(page, other), "kk", "official")["class"][0] == "state-none"


@pytest.mark.django_db
def test_the_page_judges_out_of_date_as_the_records_themselves_do():
    edition = main_edition()
    duty = RightOrDuty.objects.filter(edition=edition).first()
    duty.text_ru += " Ещё одно предложение."
    duty.save()
    flow_text = FlowText.objects.filter(edition=edition).exclude(text_en="").first()
    flow_text.text_en += " One more sentence."
    flow_text.save()
    article = Article.objects.filter(edition=edition).first()
    article.summary_kk += " Тағы бір сөйлем."
    article.summary_ru = None
    article.save()
    records = [
        *Article.objects.filter(edition=edition),
        *Paragraph.objects.filter(article__edition=edition),
        *RightOrDuty.objects.filter(edition=edition),
        *FlowText.objects.filter(edition=edition),
    ]
    seen_stale = 0
    for record in records:
        for group in record.tracked_groups:
            found = stale_languages(record, group)
            for lang in ("kk", "ru", "en"):
                stale = record.translation_state(group, lang) == "stale"
                assert found[lang] == (record.stale_sources(group, lang) if stale else []), (record, group, lang)
                seen_stale += stale
    assert seen_stale >= 5  # duty: kk, en; flow text: kk, ru; article: en


# --------------------------------------------------------------------------- links to the field


@pytest.mark.django_db
def test_links_land_on_the_field_of_the_right_inline_row(editor):
    client = signed_in(editor)
    article = unpublished(
        Article.objects.filter(edition=main_edition(), paragraphs__note_en__gt="").order_by("-position").first()
    )
    paragraphs = list(article.paragraphs.order_by(*INLINE_ORDER))
    target = next(p for p in reversed(paragraphs) if p.note_en)
    url = f"/admin/law/article/{article.pk}/change/"
    index = paragraphs.index(target)
    save_through_the_admin(
        client, url, "article_form", **{f"paragraphs-{index}-note_en": target.note_en + "\nOne more sentence."}
    )
    page = status_page(client, language="kk")
    fix = cell(article_row(page, article), "kk").select_one("li.fix-stale a")
    assert visible_text(fix) == f"Paragraph {target.label}, note: en changed"
    path, fragment = fix["href"].split("#")
    assert path == url and fragment == f"id_paragraphs-{index}-note_kk"
    form = soup(client.get(url))
    assert form.find(id=fragment) is not None
    # The n-th inline row on the form is that paragraph.
    assert form.find("input", attrs={"name": f"paragraphs-{index}-id"})["value"] == str(target.pk)


@pytest.mark.django_db
def test_a_missing_summary_links_to_its_field(editor):
    article = Article.objects.filter(edition=main_edition()).first()
    Article.objects.filter(pk=article.pk).update(summary_kk=None)
    page = status_page(signed_in(editor), language="kk")
    kk = cell(article_row(page, article), "kk")
    assert kk["class"][0] == "state-missing"
    assert kk.select_one("a.cell-state")["href"] == f"/admin/law/article/{article.pk}/change/#id_summary_kk"
    assert explanation_counts(page, "kk")["missing"] == 1


# --------------------------------------------------------------------------- NULL texts are missing


@pytest.mark.django_db
def test_texts_left_null_are_counted_as_missing(editor):
    """What an import creates: texts in ru and en, NULL in Kazakh."""
    client = signed_in(editor)
    edition = main_edition()
    before = status_page(client, language="kk")
    sections = ("rightorduty", "chapter", "glossaryterm", "flowtext")
    counted = {name: section_counts(before, name, "kk")["missing"] for name in sections}
    articles_missing = explanation_counts(before, "kk")["missing"]

    chapter = Chapter.objects.create(edition=edition, key="imported", position=99, title_ru="Глава", title_en="Chapter")
    article = Article.objects.create(
        edition=edition,
        chapter=chapter,
        number="99",
        position=99,
        plain_title_ru="Статья",
        plain_title_en="Article",
        summary_ru="Кратко.",
        summary_en="In short.",
    )
    duty = RightOrDuty.objects.create(
        article=article, key="imported-duty", role="owner", kind="duty", text_ru="Обязанность.", text_en="A duty."
    )
    term = GlossaryTerm.objects.create(
        edition=edition, slug="imported-term", name_ru="термин", name_en="term", definition_en="A term."
    )
    flow_text = FlowText.objects.create(edition=edition, key="imported.text", text_ru="Текст.", text_en="A text.")
    null_kazakh = {
        Chapter: ["title_kk"],
        Article: ["plain_title_kk", "summary_kk", "for_you_kk"],
        RightOrDuty: ["text_kk"],
        GlossaryTerm: ["name_kk", "definition_kk", "definition_ru"],
        FlowText: ["text_kk"],
    }
    for record in (chapter, article, duty, term, flow_text):
        type(record).objects.filter(pk=record.pk).update(**dict.fromkeys(null_kazakh[type(record)]))
        assert all(
            value is None
            for value in type(record).objects.filter(pk=record.pk).values(*null_kazakh[type(record)]).get().values()
        )

    after = status_page(client, language="kk")
    assert explanation_counts(after, "kk")["missing"] == articles_missing + 1
    for name in sections:
        assert section_counts(after, name, "kk")["missing"] == counted[name] + 1, name
    everything = status_page(client)
    assert section_counts(everything, "glossaryterm", "ru")["missing"] == 1  # its Russian definition is NULL
    links = {a["href"] for a in after.select("table.section-status li.fix-missing a")}
    assert f"/admin/law/chapter/{chapter.pk}/change/#id_title_kk" in links
    assert f"/admin/law/glossaryterm/{term.pk}/change/#id_name_kk" in links
    assert f"/admin/checker/flowtext/{flow_text.pk}/change/#id_text_kk" in links
    assert f"/admin/law/article/{article.pk}/change/#id_rights_and_duties-0-text_kk" in links


@pytest.mark.django_db
def test_flow_hints_empty_in_every_language_are_not_missing(editor):
    edition = main_edition()
    hints = FlowText.objects.filter(edition=edition, key__contains=".option_hints.")
    empty = [t for t in hints if not any(getattr(t, f"text_{lang}") for lang in ("kk", "ru", "en"))]
    assert empty, "the loaded flow has hints left empty on purpose"
    page = status_page(signed_in(editor))
    assert section_counts(page, "flowtext", "kk")["missing"] == 0


# --------------------------------------------------------------------------- sentences over the bar

LONG_EN = (
    "Anyone who owns or runs an artificial intelligence system in Kazakhstan must tell the people who use it "
    "that they are dealing with a machine and not with a person."
)


@pytest.mark.django_db
def test_sentences_over_the_bar_are_listed_on_the_page_and_the_form(editor):
    client = signed_in(editor)
    article = unpublished(Article.objects.get(edition__slug="draft-2025", number="12"))
    summary = f"The rules are:\n\n- legality;\n- fairness;\n- safety.\n\n{LONG_EN} Short one."
    save_through_the_admin(client, f"/admin/law/article/{article.pk}/change/", "article_form", summary_en=summary)
    page = status_page(client, edition="draft-2025", language="en")
    en = cell(article_row(page, article), "en")
    details = en.select_one("details.long-sentences")
    listed = [visible_text(q) for q in details.select("q")]
    assert LONG_EN in listed
    assert not any("legality" in sentence for sentence in listed)
    words = len(LONG_EN.split())
    assert f"({words} words)" in visible_text(details)
    assert details.select_one("a")["href"] == f"/admin/law/article/{article.pk}/change/#id_summary_en"
    assert explanation_counts(page, "en")["long"] >= 1

    article = Article.objects.get(pk=article.pk)
    block = str(long_sentences_block(article))
    assert LONG_EN in block and "href='#id_summary_en'" in block  # a fragment of the form itself
    article.summary_en = LONG_EN.replace("machine", "machine <script & co")
    article.save()
    block = str(long_sentences_block(article))
    assert "machine &lt;script &amp; co" in block and "<script" not in block


# --------------------------------------------------------------------------- the measure itself


def test_list_items_and_headings_are_not_sentences():
    text = (
        "# Principles\n\n"
        "The principles are:\r\n\r\n"
        "- legality: following the law;\r\n"
        "- fairness: treating people justly;\r\n"
        "- safety: protecting people from harm.\r\n\r\n"
        "These short explanations are ours.\n"
    )
    assert sentences(text) == ["These short explanations are ours."]


def test_a_list_item_that_is_a_full_sentence_counts():
    text = (
        "The levels are:\n\n"
        "- high risk: a failure may cause an emergency. Or it may seriously harm people's lives.\n"
        "- The owner keeps the records for three years.\n"
    )
    assert sentences(text) == [
        "Or it may seriously harm people's lives.",
        "The owner keeps the records for three years.",
    ]


def test_lines_of_one_paragraph_make_one_sentence_and_abbreviations_do_not_end_one():
    text = "Under Art. 5 and para. 3.2 the owner\nkeeps the records, e.g. logs.\n\nСм. ст. 7 закона. Это всё."
    assert sentences(text) == [
        "Under Art. 5 and para. 3.2 the owner keeps the records, e.g. logs.",
        "См. ст. 7 закона.",
        "Это всё.",
    ]


def test_long_sentences_gives_each_sentence_over_the_bar_with_its_words():
    text = (
        f"A short one. {LONG_EN}\n\n- a very long list item fragment that goes on and on and on and on and on and on;"
    )
    found = long_sentences(text, PLAIN_LANGUAGE_BAR["en"])
    assert [(s.text, s.words) for s in found] == [(LONG_EN, len(LONG_EN.split()))]
    assert long_sentences("A short one.", PLAIN_LANGUAGE_BAR["en"]) == []


def test_the_bar_is_set_per_language_and_kazakh_needs_the_fewest_words():
    assert set(PLAIN_LANGUAGE_BAR) == {"kk", "ru", "en"}
    assert PLAIN_LANGUAGE_BAR["kk"] < PLAIN_LANGUAGE_BAR["ru"] < PLAIN_LANGUAGE_BAR["en"]
    assert average_sentence_length("- one;\n- two;\n\nThree four five six.") == 4.0


# --------------------------------------------------------------------------- speed


@pytest.mark.django_db
def test_the_page_makes_a_fixed_number_of_queries(editor, django_assert_max_num_queries):
    client = signed_in(editor)
    client.get(STATUS)  # the session and the user are read once per request either way
    # One query per kind of record: articles with their parts, chapters, terms, pages, everyday words…
    with django_assert_max_num_queries(19):
        client.get(STATUS, {"state": "all"})
    # More articles, paragraphs and duties do not mean more queries.
    edition = main_edition()
    chapter = Chapter.objects.filter(edition=edition).first()
    for number in range(90, 96):
        article = Article.objects.create(edition=edition, chapter=chapter, number=str(number), position=number)
        Paragraph.objects.create(article=article, label="1", note_en="A note.")
        RightOrDuty.objects.create(article=article, key=f"extra-{number}", role="owner", kind="duty", text_en="A duty.")
    with django_assert_max_num_queries(19):
        client.get(STATUS, {"state": "all"})
