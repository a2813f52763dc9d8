"""Hostile official-text files, built in memory: a Word file that unpacks to tens of MB (a "zip
bomb"), a file of blank lines past the line limit (plain text, Word, web page), a Word file whose
XML is malformed or has values python-docx cannot read. Each is refused at once with a clear
reason, or read when the bad value is one the importer does not need; the admin's upload shows the
reason (never a 500) and writes nothing."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from content_io import database_hash
from official.importer import OfficialTextError, read

from .conftest import make_test_edition, soup, visible_text
from .official_documents import adilet_page, docx_bytes, fixture_lines

# The importer's reasons are in the active language: these tests read them in English.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

WORD = docx_bytes(fixture_lines("ru"))
TABLE = (
    b"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>%s</w:tr></w:tbl>"
    b"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>"
    b"<w:tr><w:tc><w:p><w:r><w:t>in a table</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)


def rewritten(change, extra=None) -> bytes:
    """The Word file with word/document.xml changed by `change`, and extra parts added."""
    source = zipfile.ZipFile(io.BytesIO(WORD))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in source.namelist():
            data = source.read(name)
            package.writestr(name, change(data) if name == "word/document.xml" else data)
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return out.getvalue()


def in_body(xml: bytes):
    return lambda data: data.replace(b"<w:body>", b"<w:body>" + xml, 1)


def refused(data: bytes) -> str:
    started = time.perf_counter()
    with pytest.raises(OfficialTextError) as caught:
        read(data)
    assert time.perf_counter() - started < 3
    return caught.value.reason


@pytest.mark.parametrize("where", ["document", "another-part"])
def test_a_word_file_that_unpacks_to_tens_of_mb_is_refused(where):
    padding = b" " * (40 * 2**20)
    if where == "document":
        data = rewritten(lambda xml: xml.replace(b"<w:body>", b"<w:body>" + padding, 1))
    else:
        data = rewritten(lambda xml: xml, {"word/media/padding.bin": padding})
    assert len(data) < 200_000  # a small file
    assert "unpacks to more than 16.0 MB" in refused(data)


def test_the_unpacked_limit_is_a_setting(settings):
    settings.OFFICIAL_TEXT_MAX_UNPACKED_BYTES = 100_000
    assert "unpacks to more than 0.1 MB" in refused(WORD)  # python-docx's styles alone are 0.8 MB


BLANK_LINES = 60_000  # past the limit of 50,000 lines


@pytest.mark.parametrize("kind", ["text", "docx", "html"])
def test_blank_lines_count_toward_the_line_limit(kind):
    lines = ["Статья 1. Цель", "1. Закон устанавливает порядок проб."]
    if kind == "text":
        data = ("\n".join(lines) + "\n" * BLANK_LINES).encode()
    elif kind == "docx":  # one Word paragraph of manual line breaks
        data = rewritten(in_body(b"<w:p><w:r>" + b"<w:br/>" * BLANK_LINES + b"</w:r></w:p>"))
    else:
        page = adilet_page(lines, "ru").decode()
        data = page.replace("</article>", "<br>" * BLANK_LINES + "</article>").encode()
    reason = refused(data)
    assert "blank ones included; the limit is 50000" in reason


def test_a_word_file_with_malformed_xml_is_refused_with_its_line():
    xml = zipfile.ZipFile(io.BytesIO(WORD)).read("word/document.xml")
    line = xml[: xml.index(b"<w:body>")].count(b"\n") + 2  # the line after <w:body>
    data = rewritten(lambda xml: xml.replace(b"<w:body>", b'<w:body>\n<w:p w:rsidR=abc ">', 1))
    assert f"the XML in it is malformed at line {line}" in refused(data)


def test_a_word_file_in_another_namespace_is_refused():
    data = rewritten(lambda xml: xml.replace(b"/wordprocessingml/2006/main", b"/not-word", 1))
    assert "its XML has a value that Word does not write" in refused(data)


@pytest.mark.parametrize(
    "cell",
    [
        b'<w:tc><w:tcPr><w:gridSpan w:val="abc"/></w:tcPr><w:p/></w:tc>',
        b'<w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p/></w:tc>',  # python-docx's grid: 1e9 cells
        b"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>",  # goes on from a row that is not there
    ],
    ids=["span-not-a-number", "span-huge", "merge-from-nowhere"],
)
def test_table_attributes_the_reader_does_not_need_do_not_stop_it(cell):
    started = time.perf_counter()
    document = read(rewritten(in_body(TABLE % cell)))
    assert time.perf_counter() - started < 3
    assert "in a table" in [line.text for line in document.lines]


@pytest.fixture
def edition():
    return make_test_edition()


@pytest.mark.parametrize(
    "data",
    [
        rewritten(lambda xml: xml.replace(b"/wordprocessingml/2006/main", b"/not-word", 1)),
        rewritten(lambda xml: xml, {"word/media/padding.bin": b"\0" * (40 * 2**20)}),
        "Статья 1. Цель\n1. Закон устанавливает порядок проб.\n".encode() + b"\r\n" * BLANK_LINES,
    ],
    ids=["namespace", "zip-bomb", "blank-lines"],
)
def test_the_admin_upload_shows_the_reason_and_writes_nothing(edition, admin_client, data):
    before = database_hash()
    upload = SimpleUploadedFile("law.docx", data)
    response = admin_client.post(f"/admin/law/edition/{edition.pk}/import/", {"lang": "ru", "file": upload})
    assert response.status_code == 200
    # The reason (checked above, in English) in the admin's language: Kazakh here.
    assert "Ештеңе өзгертілген жоқ" in visible_text(soup(response).find(class_="errorlist"))
    assert soup(response).find(id="import-changes") is None
    assert database_hash() == before
