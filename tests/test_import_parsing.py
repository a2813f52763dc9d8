"""Reading an official text safely: the law's text after a footnote is the law's, and a text file
saved in Windows Cyrillic (cp1251) or UTF-16 is read, not refused; garbage is still refused."""

import pytest

from official.importer import OfficialTextError, parse, read

from .official_documents import TRIAL_LAW_RU, text_file

# The importer's reasons are in the active language: these tests read them in English.
# Pages rendered from the database, or no database at all: runs once, in the SQLite phase.
pytestmark = [pytest.mark.usefixtures("in_english"), pytest.mark.backend_agnostic]

# One article with a footnote under its heading and its one paragraph, unnumbered, on the next line,
# as Adilet prints it in each language (made-up text).
FOOTNOTED = {
    "ru": [
        "Статья 1. Цель",
        "Сноска. Статья 1 с изменением, внесенным Законом РК от 01.01.2026 № 1-VIII.",
        "Целью настоящего Закона является порядок проб.",
        "Статья 2. Сфера",
        "1. Закон применяется к пробам.",
    ],
    "kk": [
        "1-бап. Мақсаты",
        "Ескерту. 1-бапқа өзгеріс енгізілді - ҚР 2026.01.01 № 1-VIII Заңымен.",
        "Осы Заңның мақсаты – сынақтардың тәртібі.",
        "2-бап. Қолданылу аясы",
        "1. Заң сынақтарға қолданылады.",
    ],
    "en": [
        "Article 1. Purpose",
        "Footnote. Article 1 as amended by Law of the Republic of Kazakhstan No. 1-VIII of 01.01.2026.",
        "The purpose of this Law is the order of trials.",
        "Article 2. Scope",
        "1. The Law applies to trials.",
    ],
}


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_line_after_a_footnote_is_the_articles_text(lang):
    lines = FOOTNOTED[lang]
    article = parse("\n".join(lines), lang).articles[0]
    assert article.notes == [lines[1]]
    assert [(p.label, p.text) for p in article.paragraphs] == [("0", lines[2])]


def test_a_footnote_wrapped_over_two_lines_is_one_note_and_the_text_after_it_is_law():
    lines = [
        "Статья 1. Цель",
        "Сноска. Статья 1 с изменениями, внесенными законами РК от 01.01.2026 № 1-VIII;",
        "от 02.02.2026 № 2-VIII (вводится в действие с 01.03.2026).",
        "Целью настоящего Закона является порядок проб.",
    ]
    article = parse("\n".join(lines), "ru").articles[0]
    assert article.notes == [f"{lines[1]} {lines[2]}"]
    assert [p.text for p in article.paragraphs] == [lines[3]]


def test_a_notice_whose_heading_stands_alone_keeps_its_body():
    lines = [
        "Статья 1. Цель",
        "1. Закон устанавливает порядок проб.",
        "Примечание ИЗПИ!",
        "Пункт 1 вводится в действие с 01.01.2027.",
        "Статья 2. Сфера",
        "Закон применяется к пробам.",
    ]
    law = parse("\n".join(lines), "ru")
    assert law.articles[0].notes == ["Примечание ИЗПИ! Пункт 1 вводится в действие с 01.01.2027."]
    assert [p.text for p in law.articles[1].paragraphs] == ["Закон применяется к пробам."]


def shape(law):
    return law.chapters, [(a.number, a.title, [(p.label, p.text) for p in a.paragraphs], a.notes) for a in law.articles]


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8"),
        ("cp1251", "Windows-1251"),
        ("utf-16", "UTF-16"),  # with its byte order mark, as Notepad's "Unicode"
        ("utf-16-be", "UTF-16"),
    ],
)
def test_a_text_file_is_read_in_the_encoding_it_was_saved_in(encoding, name):
    data = text_file(TRIAL_LAW_RU, encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    document = read(data)
    assert document.format == "text" and document.encoding_name == name
    assert shape(parse(document.lines, "ru")) == shape(parse("\n".join(TRIAL_LAW_RU), "ru"))


def test_a_web_page_saved_in_windows_1251_is_read():
    page = (
        '<html><head><meta charset="windows-1251"></head><body><div class="container_gamma text"><article>'
        + "".join(f"<p>{line}</p>" for line in TRIAL_LAW_RU)
        + "</article></div></body></html>"
    )
    document = read(page.encode("cp1251"))
    assert document.format == "html" and document.encoding_name == "Windows-1251"
    assert len(parse(document.lines, "ru").articles) == 6


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,
        bytes(b for b in range(256) if b != 0x98) * 40,  # every byte decodes in cp1251
        bytes((i * 7919 + 13) % 256 for i in range(20_000)),
        b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 50,
        "Статья 1. Цель\n1. Текст.\n".encode("cp1251") + b"\x00\x01\x02\x03" * 200,
    ],
    ids=["all-bytes", "cp1251-decodable", "noise", "png", "text-then-binary"],
)
def test_binary_garbage_is_still_refused(data):
    with pytest.raises(OfficialTextError) as caught:
        read(data)
    assert "neither a Word file" in caught.value.reason


def test_a_kazakh_text_saved_in_windows_1251_lost_its_letters_and_is_refused():
    # Notepad's "ANSI" on a Russian Windows has no Kazakh letters: it writes "?" in their place.
    lines = ["1-бап. Мақсаты", "1. Осы Заңның мақсаты – сынақтардың тәртібі."]
    data = "\r\n".join(lines).encode("cp1251", errors="replace")
    assert b"?" in data
    with pytest.raises(OfficialTextError) as caught:
        read(data)
    assert "Windows-1251" in caught.value.reason and "UTF-8" in caught.value.reason


def test_lines_after_blank_lines_keep_their_place_in_a_plain_text():
    """As Adilet's export lays a text out: every paragraph a line, blank lines between. After a
    subparagraph, an unnumbered line closes its paragraph ('1-after'), unless the subparagraph
    opens a list of its own; after a paragraph, it is an item on its own line. Without a blank
    line before it, a line is a wrapped part of the one above."""
    text = "\n\n".join(
        [
            "Статья 1. Цель",
            "1. Пробы делятся на:",
            "1) простые;",
            "2) сложные, к которым относятся:",
            "пробы первого рода.",
            "Порядок проб определяет\nПравительство.",
            "2. Пробующие обязаны:",
            "записывать пробы;",
            "хранить записи.",
        ]
    )
    article = parse(text, "ru").articles[0]
    assert [(p.label, p.text) for p in article.paragraphs] == [
        ("1", "Пробы делятся на:"),
        ("1-1", "простые;"),
        ("1-2", "сложные, к которым относятся:\nпробы первого рода."),
        ("1-after", "Порядок проб определяет Правительство."),
        ("2", "Пробующие обязаны:\nзаписывать пробы;\nхранить записи."),
    ]


def test_a_subparagraphs_own_list_keeps_all_its_items_and_inserted_numbers_keep_their_paragraph():
    text = "\n\n".join(
        [
            "Статья 1. Цель",
            "1. Пробы делятся на:",
            "1) простые;",
            "2) сложные, которые включают:",
            "пробы первого рода;",
            "пробы второго рода.",
            "2-1) особые;",
            "Порядок проб определяет Правительство.",
            "2. Пробующие записывают пробы.",
            "2-1. Вставленный пункт гласит:",
            "первое;",
            "второе.",
        ]
    )
    article = parse(text, "ru").articles[0]
    assert [(p.label, p.text) for p in article.paragraphs] == [
        ("1", "Пробы делятся на:"),
        ("1-1", "простые;"),
        ("1-2", "сложные, которые включают:\nпробы первого рода;\nпробы второго рода."),
        ("1-2-1", "особые;"),  # an inserted subparagraph: the closing part is still paragraph 1's
        ("1-after", "Порядок проб определяет Правительство."),
        ("2", "Пробующие записывают пробы."),
        ("2-1", "Вставленный пункт гласит:\nпервое;\nвторое."),  # an inserted paragraph keeps its items
    ]
