"""The importer on the real thing: Law No. 230-VIII in Russian as signed, in Adilet's own Word file
and in a plain-text export of it (tests/fixtures/official/law-230-viii/, SOURCE.md says where they
come from). What the made-up fixtures did not have: Adilet's editorial note after a blank line, the
President's signature and the database's page footer (#33 item 2)."""

import hashlib

import pytest

from official.importer import parse, read

from .official_documents import FIXTURES

# Parsing only, no database: runs once, in the SQLite phase.
pytestmark = [pytest.mark.usefixtures("in_english"), pytest.mark.backend_agnostic]
LAW = FIXTURES / "law-230-viii"
FILES = ["ru-as-signed.docx", "ru-as-signed.txt"]
NOT_LAW = ["Президент Республики Казахстан", "ТОКАЕВ", "©", "Институт законодательства", "Примечание ИЗПИ"]


@pytest.fixture(scope="module", params=FILES)
def law(request):
    return parse(read((LAW / request.param).read_bytes()).lines, "ru")


def test_the_text_file_is_the_copy_its_source_describes():
    digest = hashlib.sha256((LAW / "ru-as-signed.txt").read_bytes()).hexdigest()
    assert digest in (LAW / "SOURCE.md").read_text(encoding="utf-8")


def test_all_31_articles_in_6_chapters(law):
    assert [a.number for a in law.articles] == [str(n) for n in range(1, 32)]
    assert list(law.chapters) == [str(n) for n in range(1, 7)]


def test_the_signature_and_the_sites_footer_are_not_law(law):
    last = law.articles[-1]
    assert [p.text for p in last.paragraphs] == [
        "Настоящий Закон вводится в действие по истечении шестидесяти календарных дней после дня его "
        "первого официального опубликования."
    ]
    assert law.skipped["signature"] == 2 and law.skipped["site footer"] == 1
    for article in law.articles:
        for paragraph in article.paragraphs:
            assert not any(words in paragraph.text for words in NOT_LAW), (article.number, paragraph.label)


def test_the_databases_note_after_a_blank_line_is_a_note_whole(law):
    first = law.articles[0]
    assert first.notes == ["Примечание ИЗПИ! Порядок введения в действие см ст. 31."]
    assert first.paragraphs[0].text == "В настоящем Законе используются следующие основные понятия:"


def test_the_word_file_and_its_text_export_read_the_same():
    def texts(name):
        parsed = parse(read((LAW / name).read_bytes()).lines, "ru")
        return [(a.number, a.title, [(p.label, p.text) for p in a.paragraphs], a.notes) for a in parsed.articles]

    assert texts(FILES[0]) == texts(FILES[1])


def paragraph(law, number, label):
    article = next(a for a in law.articles if a.number == number)
    return next(p for p in article.paragraphs if p.label == label)


def test_a_paragraphs_parts_after_its_subparagraphs_stay_with_it_in_order(law):
    article = next(a for a in law.articles if a.number == "17")
    labels = [p.label for p in article.paragraphs]
    assert labels[:9] == ["1", "1-1", "1-2", "1-3", "1-after", "2", "2-1", "2-2", "2-3"]
    assert labels[9] == "2-after"
    closing = paragraph(law, "17", "1-after").text.split("\n")
    assert [line.split()[0] for line in closing] == ["Отнесение", "Системы"]
    assert closing[0].endswith("в соответствии с правилами классификации объектов информатизации.")
    assert "критически важным объектам" in closing[1]
    assert not paragraph(law, "17", "1-3").text.count("\n")
    assert "Отнесение" not in paragraph(law, "17", "1-3").text
    # Article 13(2) says of its own closing part: «Положения подпунктов 2) и 3) части первой …».
    assert paragraph(law, "13", "2-after").text.startswith("Положения подпунктов 2) и 3) части первой")


def test_unnumbered_items_keep_their_own_lines(law):
    rights = paragraph(law, "27", "1").text.split("\n")
    assert rights[0] == "Собственники и владельцы библиотек данных вправе:"
    assert [line.split()[0] for line in rights[1:]] == ["свободно", "контролировать", "получать"]
    duties = paragraph(law, "27", "2").text.split("\n")
    assert duties[0] == "Собственники и владельцы библиотек данных обязаны:"
    assert [line.split()[0] for line in duties[1:]] == ["обеспечивать", "определять", "соблюдать"]
    assert all(line.endswith((";", ".")) for line in rights[1:] + duties[1:])


def test_the_text_is_dated_by_its_own_title_not_by_the_import(law):
    import datetime

    assert law.dated == datetime.date(2025, 11, 17)


def test_the_version_is_as_of_the_day_it_was_signed_whatever_the_day_of_the_import(law):
    import datetime

    from official.versions import as_of

    for today in (datetime.date(2026, 1, 18), datetime.date(2031, 5, 5)):
        assert as_of(law, today) == (datetime.date(2025, 11, 17), "signed")
