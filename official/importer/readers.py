"""A file's bytes → the lines of its official text, whatever the format: plain text, a Word file
(.docx, as Adilet offers it for download) or a web page (Adilet's document page, fetched or saved
from a browser).

The format is told by the bytes, not the file's name; so is a text's encoding (UTF-8, UTF-16 with
its byte order mark, or Windows-1251 as Notepad saves "ANSI" on a Russian Windows: see `decoded`).

Limits are checked before any work that grows with the file: its size, the size a Word file
unpacks to (read, not as the file states it), and its number of lines (blank ones too). Every
step after them is linear in the file, so a file at the limits is read in well under a second.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import OfficialTextError
from .layout import ADILET_TEXT_CONTAINERS, HTML_BLOCKS, HTML_SKIPPED
from .lines import CONTROL, Line, text_lines

TEXT, DOCX, HTML = "text", "docx", "html"
HTML_SPACE = re.compile(r"[ \t\r\n\f]+")  # HTML's white space; a non-breaking space is not


# The encodings a text file or a saved page is read in, tried in this order (see `decoded`), with
# the names editors know them by (Notepad's "Encoding" list).
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1251": "Windows-1251"}
# A text file holds letters, digits, punctuation and line ends; control characters beyond a stray
# one or two mean binary data that happened to decode.
MAX_CONTROL_SHARE = 0.01
# Letters that Notepad's "ANSI" (Windows-1251) cannot hold, in a Kazakh text, become "?": a "?"
# inside a word, or before one, a few times over.
LOST_LETTER = re.compile(r"(?<=[^\W\d_])\?(?=[^\W\d_])|(?<![^\s(«\"])\?(?=[^\W\d_])")
LOST_LETTERS_ENOUGH = 3


@dataclass
class Document:
    format: str  # TEXT, DOCX or HTML
    lines: list[Line]
    encoding: str = ""  # a key of ENCODING_NAMES for a text file or a page; "" for a Word file

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES.get(self.encoding, "")

    @property
    def paragraphs_unmarked(self) -> bool:
        """A plain text with no blank line between its paragraphs: each unnumbered line is then read
        as the line above going on (a wrapped line), so a paragraph's closing part after its
        subparagraphs (Article 17(1)) and unnumbered items (Article 27(1)) cannot be told apart.
        Adilet's Word file, its page, or a text with blank lines between paragraphs can."""
        texts = [line for line in self.lines if line.text]
        return self.format == TEXT and len(texts) > 1 and not any(line.starts_block for line in texts[1:])

    @property
    def kept(self) -> list[list]:
        """The lines as an upload keeps them between its preview and its confirmation (in the
        session, as JSON): each line's text and whether it starts a paragraph of the document, so
        that the confirmation reads a Word file's lines exactly as the preview did."""
        return [[line.text, line.starts_block] for line in self.lines]


def kept_lines(kept: list[list]) -> list[Line]:
    """The lines again, from `Document.kept`."""
    return [Line(number, str(text), bool(starts)) for number, (text, starts) in enumerate(kept, start=1)]


def limit(name: str) -> int:
    return int(getattr(settings, name))


def read(data: bytes) -> Document:
    """Detect the format and read the lines; raise OfficialTextError (line None) if the file is
    not one the importer reads, or is larger than the limits."""
    max_bytes = limit("OFFICIAL_TEXT_MAX_BYTES")
    if len(data) > max_bytes:
        raise OfficialTextError(
            None,
            _("the file is %(size)s MB; the limit is %(limit)s MB (the law's official text is far smaller)")
            % {"size": round(len(data) / 2**20, 1), "limit": round(max_bytes / 2**20, 1)},
        )
    if not data.strip():
        raise OfficialTextError(None, _("the file is empty"))
    if data.startswith(b"PK\x03\x04"):
        return Document(DOCX, checked(docx_lines(data)))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise OfficialTextError(None, _("this is an old Word file (.doc): save it as .docx, or download the .docx"))
    if data.startswith(b"%PDF"):
        raise OfficialTextError(None, _("PDF files are not read: use the Word file (.docx) or the web page"))
    text, encoding = decoded(data)
    if looks_like_html(text):
        return Document(HTML, checked(html_lines(text)), encoding)
    return Document(TEXT, checked(text_lines(checked_text(text))), encoding)


def binary_data() -> OfficialTextError:
    return OfficialTextError(
        None, _("the file is neither a Word file (.docx), a web page nor a text file: it holds binary data")
    )


def decoded(data: bytes) -> tuple[str, str]:
    """The text of a text file or a saved page and its encoding: UTF-16 when it starts with its byte
    order mark (Notepad's "Unicode"), else UTF-8 (with or without its mark) when the bytes are valid
    UTF-8, else Windows-1251 (Notepad's "ANSI" on a Russian or Kazakh Windows) when they read as
    Cyrillic text. Anything else is binary data, refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"  # the mark tells the byte order
        except UnicodeDecodeError:
            raise binary_data() from None
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1251"), "cp1251"
            except UnicodeDecodeError:  # 0x98 has no character in Windows-1251
                raise binary_data() from None
    if not looks_like_text(text, cyrillic=encoding == "cp1251"):
        raise binary_data()
    if encoding == "cp1251":
        refuse_lost_letters(text)
    return text, encoding


def looks_like_text(text: str, *, cyrillic: bool) -> bool:
    """Few control characters; for a guessed Windows-1251, also mostly letters, and mostly Cyrillic
    ones (random bytes decode too, as symbols, Latin-1 letters and control characters)."""
    if not text:
        return True
    if len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        return False
    if not cyrillic:
        return True
    visible = [c for c in text if not c.isspace()]
    letters = [c for c in visible if c.isalpha()]
    cyrillic_letters = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return len(letters) >= 0.5 * len(visible) and cyrillic_letters >= 0.6 * len(letters)


def refuse_lost_letters(text: str) -> None:
    """A Kazakh text saved as Windows-1251 has "?" where its own letters were: refuse it, naming the
    first line, rather than load a law with holes in its words."""
    lost = list(itertools.islice(LOST_LETTER.finditer(text), LOST_LETTERS_ENOUGH))
    if len(lost) < LOST_LETTERS_ENOUGH:
        return
    line = text.count("\n", 0, lost[0].start()) + 1
    raise OfficialTextError(
        line,
        _(
            "the file was saved in the Windows-1251 encoding, which has no Kazakh letters: they became “?”. "
            "Save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8) and upload it again"
        ),
    )


def too_many_lines(count: int) -> OfficialTextError:
    max_lines = limit("OFFICIAL_TEXT_MAX_LINES")
    return OfficialTextError(
        None,
        _(
            "the file has %(count)s lines, blank ones included; the limit is %(limit)s "
            "(the law's official text has far fewer)"
        )
        % {"count": count, "limit": max_lines},
    )


def checked_text(text: str) -> str:
    """The text, if its lines (blank ones too) are within OFFICIAL_TEXT_MAX_LINES: counted before
    the text is split, so that a file of line ends alone is refused as fast as any other."""
    count = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    if count > limit("OFFICIAL_TEXT_MAX_LINES"):
        raise too_many_lines(count)
    return text


def checked(lines: list[Line]) -> list[Line]:
    if len(lines) > limit("OFFICIAL_TEXT_MAX_LINES"):
        raise too_many_lines(len(lines))
    return lines


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head


# --------------------------------------------------------------------------- Word files


MAX_DOCX_PARTS = 500


def docx_lines(data: bytes) -> list[Line]:
    """Each Word paragraph is a line (a manual line break starts a new one); tables are read cell by
    cell, in the order they come in the document."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table
    from lxml import etree

    unpacked(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        raise malformed_xml(error) from None
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.LxmlError):
        raise damaged() from None
    try:
        paragraphs = sum(1 for _p in document.element.body.iter(qn("w:p")))
        if paragraphs > limit("OFFICIAL_TEXT_MAX_LINES"):
            raise too_many_lines(paragraphs)
        texts: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                texts.extend(table_texts(block))
            else:
                texts.append(block.text)
    # A value python-docx cannot convert (docx.exceptions.InvalidXmlError is a ValueError), or a
    # namespace it does not know (a plain element without python-docx's properties).
    except (ValueError, TypeError, KeyError, AttributeError, etree.LxmlError) as error:
        raise malformed_xml(error) from None
    return text_lines(checked_text("\n".join(texts)), every_line_a_block=True)


def table_texts(table) -> list[str]:
    """The paragraphs of a table, cell by cell, each cell once: a cell that goes on from the row above
    (a vertical merge) is left out, as the cell it goes on from was read. The cells are taken as the
    document lists them, without python-docx's layout grid, which a cell's "span" attribute
    (w:gridSpan, any number a file gives) would blow up."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    texts = []
    for row in table._tbl.tr_lst:
        for cell in row.tc_lst:
            merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
                continue
            texts.extend(Paragraph(p, table).text for p in cell.p_lst)
    return texts


def damaged() -> OfficialTextError:
    return OfficialTextError(None, _("the Word file cannot be read: is it damaged?"))


def malformed_xml(error: Exception) -> OfficialTextError:
    line = getattr(error, "lineno", None)
    if line:
        return OfficialTextError(
            None,
            _("the Word file is damaged: the XML in it is malformed at line %(line)s. Save it again in Word")
            % {"line": line},
        )
    return OfficialTextError(
        None, _("the Word file is damaged: its XML has a value that Word does not write. Save it again in Word")
    )


def unpacked(data: bytes) -> None:
    """Refuse a Word file whose parts unpack to more than OFFICIAL_TEXT_MAX_UNPACKED_BYTES in all (a
    "zip bomb"), or that has too many parts, by reading each part up to what the limit leaves: not
    by the sizes the file states, which a file can get wrong on purpose."""
    budget = limit("OFFICIAL_TEXT_MAX_UNPACKED_BYTES")
    too_big = OfficialTextError(
        None,
        _("the Word file unpacks to more than %(limit)s MB: far more than any law has")
        % {"limit": round(budget / 2**20, 1)},
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if len(parts) > MAX_DOCX_PARTS:
                raise too_big
            if "word/document.xml" not in package.namelist():
                raise OfficialTextError(None, _("this ZIP file is not a Word document (.docx)"))
            for part in parts:
                with package.open(part) as member:
                    budget -= len(member.read(budget + 1))
                if budget < 0:
                    raise too_big
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError):
        # a broken part, an unknown compression, a password
        raise damaged() from None


# --------------------------------------------------------------------------- web pages


def html_lines(text: str) -> list[Line]:
    """The text of the page's document element (see layout.ADILET_TEXT_CONTAINERS), one line per
    block element or line break; the site's menus, headers and scripts around it are left out."""
    import lxml.html
    from lxml import etree

    try:
        page = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, etree.LxmlError, ValueError):
        raise OfficialTextError(None, _("the web page cannot be read")) from None
    for xpath in ADILET_TEXT_CONTAINERS:
        found = page.xpath(xpath)
        if len(found) == 1:
            return text_lines(checked_text(block_text(found[0])), every_line_a_block=True)
    raise OfficialTextError(
        None,
        _(
            "the web page has no document text where Adilet puts it: the page is not an Adilet document, "
            "or Adilet's layout has changed (save the Word file instead)"
        ),
    )


def block_text(root) -> str:
    """The element's text, one line per block element and per <br>, white space inside a block
    collapsed as a browser does (a line break in the page's source is a space). An empty block
    that holds only a non-breaking space is a blank line, as it looks on the page. An explicit
    stack, so that deep pages neither recurse nor take more than one pass."""
    lines: list[str] = []
    line: list[str] = []

    def end_line(always=False):
        text = "".join(line)
        if always or text.strip(" \t\r\n\f"):
            lines.append(text)
        line.clear()

    def add(text):
        if text:
            line.append(HTML_SPACE.sub(" ", text))

    stack = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if closing:
            if tag in HTML_BLOCKS:
                end_line()
            if element is not root:
                add(element.tail)
            continue
        if not tag or tag in HTML_SKIPPED or tag == "br":
            if tag == "br":
                end_line(always=True)
            if element is not root:
                add(element.tail)
            continue
        if tag in HTML_BLOCKS:
            end_line()
        add(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    end_line()
    return "\n".join(lines)
