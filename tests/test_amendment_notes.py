"""Amendments known but not loaded: Law No. 326-VIII of 24 June 2026 amended Articles 17(1) and
20(1) of Law No. 230-VIII. The site shows the text as signed; the amended paragraphs say so beside
their text (page, print, booklet) and in the open data, from data kept per paragraph in content/."""

import datetime
import json
import shutil

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from content_io import ContentErrors, export_files, load, parse_tree
from law.models import Article, Paragraph

from .admin_forms import form_fields, signed_in
from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db

LAW = "law-230-viii"
# (article, paragraph label, words of the paragraph as signed that the amendment reportedly changed)
AMENDED = [("17", "1-after", "классификации объектов информатизации"), ("20", "1", "аудита информационных систем")]
ADILET = {"kk": "https://adilet.zan.kz/kaz/docs/Z2500000230", "ru": "https://adilet.zan.kz/rus/docs/Z2500000230"}
ADILET["en"] = "https://adilet.zan.kz/eng/docs/Z2500000230"
BESIDE = {
    "kk": "2026 жылғы 24 маусым күні № 326-VIII Заңмен өзгертілді.",
    "ru": "Изменён 24 июня 2026 года Законом № 326-VIII.",
    "en": "Amended on 24 June 2026 by Law No. 326-VIII.",
}
NAMED = {
    "kk": "1-тармақ 2026 жылғы 24 маусым күні № 326-VIII Заңмен өзгертілді.",
    "ru": "Пункт 1 изменён 24 июня 2026 года Законом № 326-VIII.",
    "en": "Paragraph 1 was amended on 24 June 2026 by Law No. 326-VIII.",
}


def article_url(lang, number, rest=""):
    return f"/{lang}/ai-law/{LAW}/article-{number}/{rest}"


def make_up_official_text(number, lang):
    """The shipped official text is Russian only: give one article a made-up text in `lang`."""
    for paragraph in Paragraph.objects.filter(article__edition__slug=LAW, article__number=number):
        setattr(paragraph, f"official_text_{lang}", f"[{lang}] Made-up text of paragraph {paragraph.label}.")
        paragraph.save()


def test_the_amendments_are_data_on_the_paragraphs():
    amended = Paragraph.objects.filter(article__edition__slug=LAW).exclude(amended_by="")
    found = sorted((p.article.number, p.label, p.amended_by, p.amended_on) for p in amended)
    on = datetime.date(2026, 6, 24)
    assert found == [("17", "1-after", "326-VIII", on), ("20", "1", "326-VIII", on)]
    assert not Paragraph.objects.filter(amended_on__isnull=False).exclude(pk__in=amended).exists()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize(("number", "label", "words"), AMENDED, ids=["17(1-after)", "20(1)"])
def test_the_note_stands_beside_the_amended_paragraph_only(client, lang, number, label, words):
    if lang != "ru":
        make_up_official_text(number, lang)
    page = soup(client.get(article_url(lang, number)))
    official = page.find("section", id="official-text")
    assert official is not None
    rows = official.select("ol.paragraphs > li")
    assert len(rows) > 1
    for row in rows:
        notes = row.select(".amendment-note")
        if row["id"] == f"p-{label}":
            assert len(notes) == 1, row["id"]
            text = visible_text(notes[0])
            assert text.startswith(BESIDE[lang]), text
            assert notes[0].find("a", href=ADILET[lang])
            if lang == "ru":  # the shipped text as signed: the note is on the words that changed
                assert words in visible_text(row.find(class_="paragraph-text"))
        else:
            assert notes == [], f"a note beside {row['id']}"
    assert len(page.select(".amendment-note")) == 1


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_without_the_official_text_in_the_language_the_page_names_the_amended_paragraph(client, lang):
    page = soup(client.get(article_url(lang, 17)))
    assert page.find("section", id="official-text") is None  # only the Russian text is shipped
    notes = page.select("#plain-language .amendment-note")
    assert len(notes) == 1
    assert NAMED[lang] in visible_text(notes[0])
    assert notes[0].find("a", href=ADILET[lang])


@pytest.mark.parametrize("number", ["16", "18", "19", "21"])
def test_articles_not_amended_carry_no_note(client, number):
    for lang in ("kk", "ru", "en"):
        for rest in ("", "print/?official=1"):
            assert not soup(client.get(article_url(lang, number, rest))).select(".amendment-note")


def test_the_printed_summary_shows_the_note_beside_the_text_or_under_the_summary(client):
    with_text = soup(client.get(article_url("ru", 17, "print/?official=1")))
    notes = with_text.select(".amendment-note")
    assert len(notes) == 1  # beside the paragraph, not repeated under the summary
    row = notes[0].find_parent("li")
    assert "классификации объектов информатизации" in visible_text(row)
    assert visible_text(notes[0]).startswith(BESIDE["ru"])
    assert notes[0].find("a", href=ADILET["ru"])
    for lang in ("kk", "ru", "en"):
        summary_only = soup(client.get(article_url(lang, 20, "print/")))
        notes = summary_only.select(".amendment-note")
        assert len(notes) == 1 and notes[0].find_parent("li") is None
        assert NAMED[lang] in visible_text(notes[0])
        assert notes[0].find("a", href=ADILET[lang])


def test_the_booklet_of_the_whole_law_shows_the_notes_in_their_articles(client):
    for lang in ("kk", "ru", "en"):
        booklet = soup(client.get(f"/{lang}/ai-law/{LAW}/print/"))
        with_notes = [a["id"] for a in booklet.select("article.booklet-article") if a.select(".amendment-note")]
        assert with_notes == ["article-17", "article-20"]
        assert NAMED[lang] in visible_text(booklet.find(id="article-20").find(class_="amendment-note"))


def test_the_open_data_carries_the_amendment_with_the_paragraph(client):
    data = json.loads(client.get(f"/data/v1/editions/{LAW}.json").content.decode("utf-8"))
    found = []
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            assert set(paragraph) >= {"amended_on", "amended_by"}
            if paragraph["amended_on"] or paragraph["amended_by"]:
                found.append((article["number"], paragraph["label"], paragraph["amended_on"], paragraph["amended_by"]))
    assert found == [("17", "1-after", "2026-06-24", "326-VIII"), ("20", "1", "2026-06-24", "326-VIII")]


# --------------------------------------------------------------------------- content files


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, target)
    return target


AMENDMENT_20 = '{ paragraph = "1", law = "326-VIII", on = 2026-06-24 }'


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        (
            '{ paragraph = "9", law = "326-VIII", on = 2026-06-24 }',
            "amendments names paragraph '9', which is not listed",
        ),
        ('{ paragraph = "1", law = "326-VIII" }', "required field 'on' is missing"),
        ('{ paragraph = "1", on = 2026-06-24 }', "required field 'law' is missing"),
        ('{ paragraph = "1", law = "", on = 2026-06-24 }', "amendment of paragraph '1' needs the law's number"),
        ('{ paragraph = "1", law = "326-VIII", on = "24 June" }', "'on' must be a date"),
        (f"{AMENDMENT_20},\n    {AMENDMENT_20}", "amendments names paragraph '1' twice"),
    ],
)
def test_the_loader_refuses_an_amendment_it_cannot_place(content_copy, entry, reason):
    meta = content_copy / f"ai-law/{LAW}/article-20/meta.toml"
    text = meta.read_text(encoding="utf-8")
    assert AMENDMENT_20 in text
    meta.write_text(text.replace(AMENDMENT_20, entry), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        parse_tree(content_copy)
    assert f"content/ai-law/{LAW}/article-20/meta.toml" in str(caught.value)
    assert reason in str(caught.value)


def test_the_amendment_loads_from_and_exports_to_the_content_files(content_copy):
    exported = export_files()
    for number, _label, _words in AMENDED:
        name = f"ai-law/{LAW}/article-{number}/meta.toml"
        assert "amendments = [" in exported[name]
        assert exported[name] == (settings.CONTENT_DIR / name).read_text(encoding="utf-8")
    meta = content_copy / f"ai-law/{LAW}/article-20/meta.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("on = 2026-06-24", "on = 2026-06-25"), encoding="utf-8")
    load(content_copy, force=True)
    assert Paragraph.objects.get(article__edition__slug=LAW, article__number="20", label="1").amended_on == (
        datetime.date(2026, 6, 25)
    )
    meta.write_text(meta.read_text(encoding="utf-8").split("amendments = [")[0], encoding="utf-8")
    load(content_copy, force=True)
    paragraph = Paragraph.objects.get(article__edition__slug=LAW, article__number="20", label="1")
    assert (paragraph.amended_on, paragraph.amended_by) == (None, "")


# --------------------------------------------------------------------------- the admin


def test_the_model_wants_both_the_date_and_the_law_or_neither():
    paragraph = Paragraph.objects.get(article__edition__slug=LAW, article__number="20", label="1")
    paragraph.full_clean()
    paragraph.amended_by = ""
    with pytest.raises(ValidationError) as caught:
        paragraph.full_clean()
    assert set(caught.value.message_dict) == {"amended_by"}
    paragraph.amended_by, paragraph.amended_on = "326-VIII", None
    with pytest.raises(ValidationError) as caught:
        paragraph.full_clean()
    assert set(caught.value.message_dict) == {"amended_on"}


def paragraph_prefix(data, label):
    for name, value in data.items():
        if name.startswith("paragraphs-") and name.endswith("-label") and value == label:
            return name.removesuffix("label")
    raise AssertionError(f"no inline row for paragraph {label}")


def test_an_editor_edits_the_amendment_in_the_admin(editor):
    client = signed_in(editor)
    article = Article.objects.get(edition__slug=LAW, number="20")
    Article.objects.filter(pk=article.pk).update(status="draft")  # saved on the article itself, not for review
    url = f"/admin/law/article/{article.pk}/change/"
    data = form_fields(client.get(url), "article_form")
    prefix = paragraph_prefix(data, "1")
    assert data[f"{prefix}amended_by"] == "326-VIII"
    assert data[f"{prefix}amended_on"]

    data[f"{prefix}amended_on"] = ""  # the law's number without its date: refused, nothing saved
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert soup(refused).find(class_="errorlist") is not None
    paragraph = Paragraph.objects.get(article=article, label="1")
    assert paragraph.amended_on == datetime.date(2026, 6, 24)

    data = form_fields(client.get(url), "article_form")
    data[f"{prefix}amended_on"] = "2026-06-25"
    response = client.post(url, data)
    assert response.status_code == 302, visible_text(soup(response).find(class_="errornote") or soup(response))
    paragraph.refresh_from_db()
    assert (paragraph.amended_on, paragraph.amended_by) == (datetime.date(2026, 6, 25), "326-VIII")
    preview = soup(client.get(article_url("en", 20)))  # staff see the draft
    assert "25 June 2026" in visible_text(preview.find(class_="amendment-note"))

    data = form_fields(client.get(url), "article_form")
    data[f"{prefix}amended_on"], data[f"{prefix}amended_by"] = "", ""
    assert client.post(url, data).status_code == 302
    paragraph.refresh_from_db()
    assert (paragraph.amended_on, paragraph.amended_by) == (None, "")


def test_once_the_amended_wording_is_loaded_the_note_beside_it_goes(client):
    """After the current text is loaded (fetch_official from Adilet), it is no longer the text as signed."""
    from official.models import OfficialTextVersion

    OfficialTextVersion.objects.filter(edition__slug="law-230-viii", lang="ru").update(as_of="2026-07-11")
    page = soup(client.get("/ru/ai-law/law-230-viii/article-17/"))
    assert page.select_one("#p-1-after .amendment-note") is None
    OfficialTextVersion.objects.filter(edition__slug="law-230-viii", lang="ru").update(as_of="2026-06-23")
    page = soup(client.get("/ru/ai-law/law-230-viii/article-17/"))
    assert page.select_one("#p-1-after .amendment-note") is not None
