"""The official-text fixtures in Adilet's other formats, built by the tests from the made-up law in
tests/fixtures/official/ (never a copy of the real law):

- a Word file (.docx) written with python-docx, one Word paragraph per line, the notes in red as
  Adilet sets them, a manual line break inside one paragraph;
- a web page modelled on Adilet's document page: a site header and menu (with article links that
  must not be read as law), the title block, and the text in `div.container_gamma.text > article`,
  one <p> per line, with a script and a comment inside the text that must be skipped.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "official"
MENU = {
    "kk": "1-бап. Мәзірдегі сілтеме",
    "ru": "Статья 1. Ссылка в меню сайта",
    "en": "Article 1. A link in the site's menu",
}


def fixture_lines(lang: str) -> list[str]:
    """The fixture's lines as a Word file or a web page holds them: one per paragraph of the text.
    The plain text wraps a paragraph now and then (a line going on in lower case after one that
    ends mid-sentence); those are joined back."""
    text = (FIXTURES / f"{lang}.txt").read_bytes().decode("utf-8-sig")
    lines: list[str] = []
    for line in (line.strip() for line in text.replace("\r\n", "\n").split("\n")):
        if lines and lines[-1] and line[:1].islower() and not lines[-1].endswith((".", ";", ":", "!")):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return lines


def docx_bytes(lines: list[str]) -> bytes:
    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    # The first two lines share one Word paragraph, split by a manual line break.
    first = document.add_paragraph().add_run(lines[0])
    first.add_break()
    first.add_text(lines[1])
    for line in lines[2:]:
        run = document.add_paragraph().add_run(line)
        if line.startswith(("Сноска.", "Ескерту.", "Footnote.", "Примечание")):
            run.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def adilet_page(lines: list[str], lang: str, *, container: bool = True) -> bytes:
    body = "\n".join(f"<p>{html.escape(line)}</p>" if line else "<p>&nbsp;</p>" for line in lines)
    text = (
        f'<div class="container_gamma text text_upd"><article>\n{body}\n'
        "<script>var fake = 'Статья 9. Не закон';</script><!-- Article 9. not law -->\n</article></div>"
        if container
        else f'<div class="document-body">{body}</div>'
    )
    page = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Adilet</title>
<style>p {{ margin: 0 }}</style></head>
<body>
<header class="header"><nav class="menu"><ul>
<li><a href="/docs/1">{html.escape(MENU[lang])}</a></li></ul></nav></header>
<div class="container_alpha slogan"><h1>{html.escape(lines[0] or "Law")}</h1>
<span class="status status_upd">&nbsp;</span></div>
{text}
<footer>© Adilet</footer>
</body></html>"""
    return page.encode("utf-8")


def error_page() -> bytes:
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head>'
        "<body><div class='container_alpha slogan'><h1>Страница не найдена</h1></div></body></html>"
    )
    return page.encode("utf-8")


def large_docx_bytes(lines: list[str]) -> bytes:
    """A Word file of very many paragraphs: python-docx's own document with its body written
    directly (adding 100,000 paragraphs one by one through python-docx takes minutes)."""
    import zipfile
    from xml.sax.saxutils import escape

    template = zipfile.ZipFile(io.BytesIO(docx_bytes(["", ""])))
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in lines)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for item in template.infolist():
            data = document.encode("utf-8") if item.filename == "word/document.xml" else template.read(item)
            package.writestr(item, data)
    return buffer.getvalue()


# A small made-up law in Russian, as an editor saves it from Adilet (one line per paragraph), for
# the tests of what an import would change. Article 2 has a footnote right under its heading and
# its text on the next line, unnumbered, as Adilet prints an article of one paragraph.
TRIAL_LAW_RU = [
    "Закон Республики Казахстан «О пробных делах»",
    "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ",
    "Статья 1. Основные понятия",
    "1. Проба – проверка системы.",
    "2. Проверяющий – лицо, проводящее пробу.",
    "Статья 2. Цель Закона",
    "Сноска. Статья 2 с изменением, внесенным Законом РК от 01.01.2026 № 1-VIII.",
    "Целью настоящего Закона является порядок проб.",
    "Глава 2. ОБЯЗАННОСТИ",
    "Статья 3. Обязанности проверяющего",
    "1. Проверяющий составляет план.",
    "2. Проверяющий ведёт журнал проб.",
    "3. Проверяющий хранит результаты один год.",
    "Статья 4. Права проверяющего",
    "1. Проверяющий вправе запросить сведения.",
    "Статья 5. Отчёт",
    "1. Проверяющий представляет отчёт.",
    "Глава 3. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ",
    "Статья 6. Введение в действие",
    "1. Настоящий Закон вводится в действие через десять дней.",
    # The signature block that ends a law's whole text (without it, the importer takes the file as cut off).
    "Президент",
    "Республики Казахстан",
    "К. ТЕСТОВ",
]


def trial_law(*, replace: dict[str, str] | None = None, drop: tuple[str, ...] = (), add_after: dict | None = None):
    """TRIAL_LAW_RU with lines replaced, dropped, or added after a given line."""
    lines = []
    for line in TRIAL_LAW_RU:
        if line in drop:
            continue
        lines.append((replace or {}).get(line, line))
        if add_after and line in add_after:
            lines.extend(add_after[line])
    return lines


def text_file(lines: list[str], encoding: str = "utf-8") -> bytes:
    """The lines as a text file, with Windows line ends, as Notepad saves it."""
    return "\r\n".join(lines).encode(encoding)


def publish_imported(slug: str = "test-law") -> None:
    """Publish every article of an edition: an import leaves new articles as drafts, and tests of the
    public pages read them as a visitor does (each saved, as an editor's publishing does)."""
    from law.models import Article, Status

    for article in Article.objects.filter(edition__slug=slug).exclude(status=Status.PUBLISHED):
        article.status = Status.PUBLISHED
        article.save()
