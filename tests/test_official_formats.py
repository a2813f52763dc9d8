"""The official text from Adilet's Word file and web page, read like the plain text; files the
importer cannot read, or that are too large, are refused at once with a clear reason."""

import io
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from content_io import database_hash
from law.models import Article, Paragraph
from official.importer import OfficialTextError, parse, read
from official.models import OfficialTextVersion

from .conftest import make_test_edition, soup, visible_text
from .official_documents import (
    FIXTURES,
    MENU,
    adilet_page,
    docx_bytes,
    error_page,
    fixture_lines,
    large_docx_bytes,
    publish_imported,
)

# The importer's reasons are in the active language: these tests read them in English.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


LANGS = ["kk", "ru", "en"]


@pytest.fixture
def edition():
    return make_test_edition()


def shape(law):
    """What an import takes from a parsed text: chapters, articles, labelled paragraphs, notes."""
    return (
        law.chapters,
        [(a.number, a.title, a.chapter, [(p.label, p.text) for p in a.paragraphs], a.notes) for a in law.articles],
        law.notes,
    )


def import_file(tmp_path, name, data, lang, *extra):
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_official", str(path), "--edition", "test-law", "--lang", lang, *extra, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["docx", "html"])
def test_word_file_and_web_page_read_like_the_plain_text(lang, kind):
    lines = fixture_lines(lang)
    data = docx_bytes(lines) if kind == "docx" else adilet_page(lines, lang)
    document = read(data)
    assert document.format == kind
    from_text = parse((FIXTURES / f"{lang}.txt").read_bytes().decode("utf-8-sig"), lang)
    assert shape(parse(document.lines, lang)) == shape(from_text)
    assert len(from_text.articles) == 4 and from_text.all_notes()


@pytest.mark.parametrize("lang", LANGS)
def test_the_web_page_leaves_out_the_sites_menu_and_scripts(lang):
    text = " ".join(line.text for line in read(adilet_page(fixture_lines(lang), lang)).lines)
    assert MENU[lang] not in text
    assert "Не закон" not in text and "not law" not in text
    assert "Adilet" not in text  # the footer


def test_imports_from_word_files_in_three_languages_show_on_the_page(edition, tmp_path):
    for lang in LANGS:
        output = import_file(tmp_path, f"law-{lang}.docx", docx_bytes(fixture_lines(lang)), lang)
        assert "docx" in output and "Imported 4 article(s)" in output
    publish_imported()  # new articles are drafts until an editor publishes them
    for lang in LANGS:
        version = OfficialTextVersion.objects.get(edition=edition, lang=lang)
        assert (version.format, version.source_name) == ("docx", f"law-{lang}.docx")
    page = soup(Client().get("/kk/ai-law/test-law/article-2/"))
    official = page.find(id="official-text")
    assert [li["id"] for li in official.select("li.paragraph")] == ["p-1", "p-2", "p-2-1", "p-2-2", "p-2-3"]
    assert "law-kk.docx" in visible_text(official.find(class_="official-version"))


def test_a_saved_web_page_imports_with_a_dry_run_first(edition, tmp_path):
    before = database_hash()
    output = import_file(tmp_path, "page.html", adilet_page(fixture_lines("ru"), "ru"), "ru", "--dry-run")
    assert "html" in output and "4 article(s) added" in output and "Dry run" in output
    assert database_hash() == before
    import_file(tmp_path, "page.html", adilet_page(fixture_lines("ru"), "ru"), "ru")
    paragraph = Paragraph.objects.get(article__edition=edition, article__number="2", label="2-3")
    assert paragraph.official_text_ru == "представляет отчёт."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word file (.doc)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (bytes(range(256)) * 40, "neither a Word file"),
        (b"PK\x03\x04" + b"\x00" * 100, "cannot be read"),
        (b"   \n\n", "empty"),
        (error_page(), "no document text where Adilet puts it"),
        (adilet_page(fixture_lines("ru"), "ru", container=False), "layout has changed"),
    ],
    ids=["doc", "pdf", "binary", "broken-zip", "empty", "error-page", "changed-layout"],
)
def test_files_it_cannot_read_are_refused_and_change_nothing(edition, tmp_path, data, reason):
    before = database_hash()
    with pytest.raises(CommandError) as caught:
        import_file(tmp_path, "official", data, "ru")
    assert reason in str(caught.value) and "Nothing was changed" in str(caught.value)
    assert database_hash() == before


def test_a_zip_that_is_not_a_word_file_is_named_as_such():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("readme.txt", "hello")
    with pytest.raises(OfficialTextError) as caught:
        read(buffer.getvalue())
    assert "not a Word document" in caught.value.reason


def test_nul_bytes_and_control_characters_never_reach_the_database(edition, tmp_path):
    text = (FIXTURES / "en.txt").read_text(encoding="utf-8")
    text = text.replace("carried out by a trier", "carried\x00 out\x07 by a trier")
    import_file(tmp_path, "en.txt", text.encode("utf-8"), "en")
    paragraph = Paragraph.objects.get(article__edition=edition, article__number="2", label="1")
    assert paragraph.official_text_en == "A trial is carried out by a trier."


def test_a_value_longer_than_its_column_is_an_error_with_its_line():
    text = (FIXTURES / "en.txt").read_text(encoding="utf-8")
    text = text.replace("Article 2-1. Results of a trial", "Article 2-1. " + "Long " * 120)
    with pytest.raises(OfficialTextError) as caught:
        parse(text, "en")
    assert "at most 500" in caught.value.reason and caught.value.line


def big_law(paragraphs_per_article: int, lines_per_paragraph: int, words: int) -> bytes:
    line = " ".join(["word"] * words)
    out = []
    for number in range(1, 32):
        out.append(f"Article {number}. Heading {number}")
        for label in range(1, paragraphs_per_article + 1):
            out.append(f"{label}. {line}")
            out.extend([line] * (lines_per_paragraph - 1))
    return "\n".join(out).encode("utf-8")


def test_a_file_over_the_size_limit_is_refused_at_once(settings):
    data = b"Article 1. Big\n" + b"1. " + b"x" * (5 * 2**20)
    started = time.perf_counter()
    with pytest.raises(OfficialTextError) as caught:
        read(data)
    assert "limit is 4.0 MB" in caught.value.reason
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("kind", ["text", "docx"])
def test_a_file_of_100000_paragraphs_is_refused_in_seconds(kind):
    lines = ["Article 1. Many"] + [f"{n}. Text." for n in range(1, 100_001)]
    data = "\n".join(lines).encode() if kind == "text" else large_docx_bytes(lines)
    assert len(data) < 4 * 2**20  # within the size limit: the count of lines is what refuses it
    started = time.perf_counter()
    with pytest.raises(OfficialTextError) as caught:
        read(data)
    assert "the limit is 50000" in caught.value.reason
    assert time.perf_counter() - started < 10


def test_a_large_file_within_the_limits_imports_in_seconds(edition):
    """3.8 MB, 45,000 lines: 31 articles of 10 long paragraphs, each wrapped over 145 lines."""
    from official.importer import Source, apply, plan

    data = big_law(paragraphs_per_article=10, lines_per_paragraph=145, words=17)
    assert 3 * 2**20 < len(data) < 4 * 2**20
    started = time.perf_counter()
    document = read(data)
    law = parse(document.lines, "en")
    apply(plan(edition, law), Source(format=document.format, name="big.txt"))
    elapsed = time.perf_counter() - started
    assert Article.objects.filter(edition=edition).count() == 31
    assert Paragraph.objects.filter(article__edition=edition).count() == 310
    assert elapsed < 15, f"{elapsed:.1f} s"


def test_the_admin_imports_a_word_file_after_its_preview(edition, admin_client, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    # One editor alone: new chapters and the act's notes are public text, which otherwise waits for a
    # second editor (tests/test_import_second_editor.py).
    settings.REVIEW_NEEDS_SECOND_EDITOR = False
    upload = SimpleUploadedFile("Z-test.docx", docx_bytes(fixture_lines("ru")))
    url = f"/admin/law/edition/{edition.pk}/import/"
    preview = admin_client.post(url, {"lang": "ru", "file": upload})
    assert preview.status_code == 200
    assert soup(preview).find(id="import-changes") is not None
    assert not OfficialTextVersion.objects.filter(edition=edition).exists()
    token = soup(preview).find("input", attrs={"name": "confirm"})["value"]
    assert admin_client.post(url, {"confirm": token}).status_code == 302
    version = OfficialTextVersion.objects.get(edition=edition)
    assert (version.format, version.source_name, version.imported_by) == ("docx", "Z-test.docx", "admin")
    assert Paragraph.objects.get(article__edition=edition, article__number="2", label="2-3").official_text_ru


def test_the_admin_refuses_a_file_over_the_limit_before_reading_it(edition, admin_client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.OFFICIAL_TEXT_MAX_BYTES = 1000
    upload = SimpleUploadedFile("big.txt", b"Article 1. Big\n1. " + b"x" * 2000)
    response = admin_client.post(f"/admin/law/edition/{edition.pk}/import/", {"lang": "en", "file": upload})
    assert response.status_code == 200
    assert "Ештеңе өзгертілген жоқ" in visible_text(soup(response).find(class_="errorlist"))  # in the admin's Kazakh
    assert not Article.objects.filter(edition=edition).exists()


def test_the_admin_confirms_a_word_file_as_its_preview_read_it(edition, admin_client):
    """A Word file's lines are each a paragraph, even without empty paragraphs between them: the
    confirmation reads them so too (an unnumbered item keeps its own line), instead of reading the
    kept text as a plain text whose lines wrap, and refusing because 'the stored text has changed'."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    lines = ["Статья 1. Цель", "1. Проверяющие обязаны:", "записывать пробы;", "хранить записи."]
    lines += ["Президент", "Республики Казахстан", "К. ТЕСТОВ"]  # a whole text ends with its signature
    url = f"/admin/law/edition/{edition.pk}/import/"
    preview = admin_client.post(url, {"lang": "ru", "file": SimpleUploadedFile("z.docx", docx_bytes(["", *lines]))})
    token = soup(preview).find("input", attrs={"name": "confirm"})["value"]
    assert admin_client.post(url, {"confirm": token}).status_code == 302
    paragraph = Paragraph.objects.get(article__edition=edition, article__number="1", label="1")
    assert paragraph.official_text_ru == "Проверяющие обязаны:\nзаписывать пробы;\nхранить записи."


def test_a_text_file_without_blank_lines_between_paragraphs_is_flagged(edition, admin_client, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .official_documents import FIXTURES

    real = (FIXTURES / "law-230-viii" / "ru-as-signed.txt").read_bytes()
    assert not read(real).paragraphs_unmarked and not read(docx_bytes(fixture_lines("ru"))).paragraphs_unmarked
    squeezed = b"\n".join(line for line in real.split(b"\n") if line.strip())
    assert read(squeezed).paragraphs_unmarked
    output = import_file(tmp_path, "law.txt", squeezed, "ru", "--dry-run")
    assert "Warning: no blank lines between paragraphs" in output
    url = f"/admin/law/edition/{edition.pk}/import/"
    preview = soup(admin_client.post(url, {"lang": "ru", "file": SimpleUploadedFile("law.txt", squeezed)}))
    assert preview.find(id="import-unmarked") is not None
    fine = soup(admin_client.post(url, {"lang": "ru", "file": SimpleUploadedFile("law.txt", real)}))
    assert fine.find(id="import-unmarked") is None
