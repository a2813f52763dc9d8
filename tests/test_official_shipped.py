"""The official text ships with the site (#33 item 1): content/official/ holds Adilet's Word file of
Law No. 230-VIII as signed, with its manifest; `make setup` imports it (`load_official`), once.
The tests' database is loaded the same way (tests/conftest.py), so these check what a fresh clone
shows."""

import datetime
import io
import shutil

import pytest
from django.core.management import call_command
from django.test import Client

from content_io import database_hash
from law.models import Article, Paragraph
from official.models import OfficialTextChange, OfficialTextVersion
from official.shipped import ShippedTextError, load, manifests
from official.versions import edition_versions

from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db

LAW = "law-230-viii"


def shipped_ru():
    return next(s for s in manifests() if s.edition == LAW and s.lang == "ru")


def test_all_31_articles_have_the_russian_official_text_after_setup():
    articles = Article.objects.filter(edition__slug=LAW)
    assert articles.count() == 31
    assert all(a.official_title_ru for a in articles)
    paragraphs = Paragraph.objects.filter(article__edition__slug=LAW)
    assert paragraphs.count() > 150 and not paragraphs.filter(official_text_ru="").exists()
    assert not paragraphs.exclude(official_text_kk=None).exclude(official_text_kk="").exists()


def test_the_first_load_is_the_first_version_dated_by_the_text_not_a_change():
    (version,) = OfficialTextVersion.objects.filter(edition__slug=LAW)
    assert (version.lang, version.as_of, version.as_of_basis) == ("ru", datetime.date(2025, 11, 17), "signed")
    assert version.source_sha256 == shipped_ru().sha256 and version.source_url.startswith("https://adilet.zan.kz/")
    assert set(OfficialTextChange.objects.filter(version=version).values_list("kind", flat=True)) == {"added"}
    assert not Article.objects.filter(edition__slug=LAW, needs_review=True).exists()
    assert not Paragraph.objects.filter(article__edition__slug=LAW, note_needs_review=True).exists()
    (listed,) = edition_versions(version.edition)
    assert listed.is_first  # the list of changes sums it up as the first text, not paragraph by paragraph


def test_the_article_page_says_as_signed_and_from_where():
    box = soup(Client().get(f"/en/ai-law/{LAW}/article-21/")).find(class_="official-missing")
    assert box is not None  # English: not on the site yet
    russian = soup(Client().get(f"/ru/ai-law/{LAW}/article-21/")).find(class_="official-version")
    said = visible_text(russian)
    assert "17 ноября 2025" in said and "adilet.zan.kz" in said
    assert "подписан" in said  # the text as signed, not "the day it was loaded"


def official_columns():
    """Every official text of the law as stored (the content hash leaves official text out)."""
    articles = Article.objects.filter(edition__slug=LAW).order_by("number")
    paragraphs = Paragraph.objects.filter(article__edition__slug=LAW).order_by("article__number", "label")
    return (
        list(articles.values_list("number", "official_title_ru", "official_notes_ru")),
        list(paragraphs.values_list("article__number", "label", "official_text_ru", "version")),
    )


def test_a_second_load_changes_nothing():
    versions = list(OfficialTextVersion.objects.values_list("pk", "checked_at"))
    before = (database_hash(), official_columns(), versions)
    out = io.StringIO()
    call_command("load_official", stdout=out)
    assert "already loaded" in out.getvalue()
    assert (database_hash(), official_columns(), list(OfficialTextVersion.objects.values_list("pk", "checked_at"))) == (
        before
    )


def test_text_lost_since_is_put_back():
    before = official_columns()[1]
    Paragraph.objects.filter(article__edition__slug=LAW, article__number="21").update(official_text_ru="")
    assert "loaded 31 articles" in load(shipped_ru())
    assert [row[:3] for row in official_columns()[1]] == [row[:3] for row in before]


def test_a_later_text_from_elsewhere_is_kept_and_an_earlier_one_replaced():
    version = OfficialTextVersion.objects.get(edition__slug=LAW, lang="ru")
    elsewhere = {"source_name": "Z2500000230.docx", "source_sha256": "0" * 64}
    OfficialTextVersion.objects.filter(pk=version.pk).update(as_of=datetime.date(2026, 7, 11), **elsewhere)
    assert "kept the text as of 2026-07-11" in load(shipped_ru())
    assert OfficialTextVersion.objects.filter(edition__slug=LAW).count() == 1
    OfficialTextVersion.objects.filter(pk=version.pk).update(as_of=datetime.date(2025, 1, 2))
    Paragraph.objects.filter(article__edition__slug=LAW, article__number="21").update(official_text_ru="Старый.")
    assert "loaded" in load(shipped_ru())  # the shipped text is later than the one stored: it replaces it
    assert OfficialTextVersion.objects.filter(edition__slug=LAW).count() == 2


@pytest.fixture
def copy(tmp_path):
    folder = tmp_path / "official"
    shutil.copytree(shipped_ru().manifest.parent.parent, folder)
    return folder / LAW


def test_a_file_that_does_not_match_its_manifest_is_refused(copy):
    (copy / "ru.docx").write_bytes((copy / "ru.docx").read_bytes() + b"\0")
    with pytest.raises(ShippedTextError, match="SHA-256"):
        manifests(copy.parent)


def test_a_manifest_whose_date_is_not_the_texts_is_refused_and_nothing_changes(copy):
    manifest = copy / "ru.toml"
    manifest.write_text(manifest.read_text().replace("2025-11-17", "2026-06-24"), encoding="utf-8")
    (shipped,) = manifests(copy.parent)
    OfficialTextVersion.objects.all().delete()
    Paragraph.objects.filter(article__edition__slug=LAW).update(official_text_ru="")
    before = (database_hash(), official_columns())
    with pytest.raises(ShippedTextError, match="the manifest says 2026-06-24"):
        load(shipped)
    assert (database_hash(), official_columns()) == before and not OfficialTextVersion.objects.exists()


def test_where_the_text_gives_no_date_the_manifests_is_the_date_of_the_text(tmp_path):
    import hashlib

    from .official_documents import FIXTURES

    text = (FIXTURES / "law-230-viii" / "ru-as-signed.txt").read_text(encoding="utf-8")
    undated = text.replace("Закон Республики Казахстан от 17 ноября 2025 года № 230-VIII ЗРК", "")
    folder = tmp_path / "official" / LAW
    folder.mkdir(parents=True)
    (folder / "ru.txt").write_text(undated, encoding="utf-8")
    digest = hashlib.sha256((folder / "ru.txt").read_bytes()).hexdigest()
    (folder / "ru.toml").write_text(
        f'file = "ru.txt"\nwhat = "test"\nsource_url = "https://adilet.zan.kz/rus/docs/Z2500000230"\n'
        f'text_as_of = 2025-11-17\nsha256 = "{digest}"\n',
        encoding="utf-8",
    )
    (shipped,) = manifests(folder.parent)
    OfficialTextVersion.objects.all().delete()
    Paragraph.objects.filter(article__edition__slug=LAW).update(official_text_ru="")
    load(shipped)
    version = OfficialTextVersion.objects.get(edition__slug=LAW)
    assert (version.as_of, version.as_of_basis) == (datetime.date(2025, 11, 17), "source")
    page = soup(Client().get(f"/ru/ai-law/{LAW}/article-21/"))
    assert "дата, которую указывает его источник" in visible_text(page.find(class_="official-version"))


def test_the_list_of_changes_names_a_paragraph_as_the_law_numbers_it():
    version = OfficialTextVersion.objects.get(edition__slug=LAW, lang="ru")
    new = OfficialTextVersion.objects.create(
        edition=version.edition, lang="ru", as_of=datetime.date(2026, 7, 11), format="docx", articles=31
    )
    OfficialTextChange.objects.create(
        version=new, kind="changed", what="paragraph", article_number="17", label="1-after", before="a", after="b"
    )
    OfficialTextChange.objects.create(
        version=new, kind="changed", what="paragraph", article_number="1", label="0-3", before="a", after="b"
    )
    said = visible_text(soup(Client().get(f"/ru/ai-law/{LAW}/official-changes/")).find("main"))
    assert "статья 17, пункт 1" in said and "статья 1, подпункт 3" in said and "1-after" not in said


def test_the_same_text_in_a_file_saved_again_changes_nothing():
    """A shipped file whose bytes changed but whose text did not (saved again in Word) adds nothing."""
    OfficialTextVersion.objects.filter(edition__slug=LAW).update(source_sha256="1" * 64)
    before = list(OfficialTextVersion.objects.values_list("pk", "checked_at", "source_sha256"))
    assert "already loaded" in load(shipped_ru())
    assert list(OfficialTextVersion.objects.values_list("pk", "checked_at", "source_sha256")) == before
