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
