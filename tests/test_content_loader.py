"""Loading content/: idempotent, all or nothing, with file and line for every problem."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from content_io import ContentErrors, LoadConflict, database_hash, export_files, load, parse_tree
from law.models import Article, ContentLoad, Edition, EverydayWord, Paragraph, RightOrDuty

pytestmark = pytest.mark.django_db


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, target)
    return target


def test_the_draft_has_28_articles_in_its_chapters():
    draft = Edition.objects.get(slug="draft-2025")
    numbers = list(draft.articles.values_list("number", flat=True))
    assert numbers == [str(n) for n in range(1, 29)]
    assert draft.articles.get(number="15").chapter.number == "3"
    assert draft.articles.get(number="18").chapter.number == "4"
    assert not draft.articles.get(number="22").chapter.is_official
    assert draft.superseded_by.slug == "law-230-viii"
    assert draft.superseded_by.number == "230-VIII"


def test_second_load_changes_nothing(content_copy):
    load(content_copy, force=True)
    before = database_hash()
    counts = (Article.objects.count(), Paragraph.objects.count(), RightOrDuty.objects.count())
    result = load(content_copy)
    assert result.action == "up-to-date"
    assert database_hash() == before
    assert (Article.objects.count(), Paragraph.objects.count(), RightOrDuty.objects.count()) == counts


def test_check_only_writes_nothing(content_copy):
    loads = ContentLoad.objects.count()
    (content_copy / "ai-law/draft-2025/article-5/en.toml").write_text('plain_title = "Changed"\n', encoding="utf-8")
    assert load(content_copy, check_only=True).action == "checked"
    assert ContentLoad.objects.count() == loads
    assert Article.objects.get(edition__slug="draft-2025", number="5").plain_title_en != "Changed"


def break_file(root: Path, relative: str, text: str) -> None:
    (root / relative).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("relative", "text", "line", "reason"),
    [
        ("ai-law/draft-2025/article-7/en.toml", 'plain_title = "ok"\nsummary = """\nunclosed\n', 2, "not valid TOML"),
        ("ai-law/draft-2025/article-7/en.toml", 'plain_title = "ok"\n\nsumary = "typo"\n', 3, "unknown field 'sumary'"),
        ("ai-law/draft-2025/article-7/meta.toml", 'chapter = "9"\n', 1, "chapter '9' is not declared"),
        (
            "ai-law/draft-2025/article-7/ru.toml",
            'plain_title = "ok"\n\n[paragraphs.4]\nnote = "x"\n',
            3,
            "paragraph '4' is not listed in meta.toml",
        ),
        ("ai-law/draft-2025/article-7/kk.toml", "plain_title = 5\n", 1, "'plain_title' must be text"),
    ],
)
def test_a_broken_file_stops_the_load_names_file_and_line_and_changes_nothing(
    content_copy, relative, text, line, reason
):
    load(content_copy, force=True)
    (content_copy / "ai-law/draft-2025/article-1/en.toml").write_text(
        'plain_title = "A change that must not land"\n', encoding="utf-8"
    )
    before = database_hash()
    break_file(content_copy, relative, text)
    with pytest.raises(ContentErrors) as caught:
        load(content_copy)
    message = str(caught.value)
    assert f"content/{relative}:{line}:" in message
    assert reason in message
    assert database_hash() == before
    assert Article.objects.get(edition__slug="draft-2025", number="1").plain_title_en != "A change that must not land"


def test_the_command_reports_problems_and_fails(content_copy):
    break_file(content_copy, "ai-law/draft-2025/glossary/en.toml", "[terms.no-such-term]\nname = 'x'\n")
    with pytest.raises(CommandError, match=r"draft-2025/glossary/en.toml:1: term 'no-such-term' is not declared"):
        call_command("load_content", "--dir", str(content_copy))


def test_load_then_export_reproduces_the_files_byte_for_byte():
    tree = parse_tree()
    exported = export_files()
    files = {name: data.decode("utf-8") for name, data in tree.files.items()}
    assert sorted(exported) == sorted(files)
    for name, text in files.items():
        assert exported[name] == text, f"export differs from content/{name}"


def test_export_command_writes_a_loadable_tree(tmp_path):
    call_command("export_content", "--dir", str(tmp_path / "out"))
    assert parse_tree(tmp_path / "out").files_hash() == parse_tree().files_hash()


def test_an_admin_edit_is_never_overwritten_silently(content_copy):
    load(content_copy, force=True)
    article = Article.objects.get(edition__slug="draft-2025", number="16")
    article.plain_title_en = "Edited in the admin"
    article.save()
    # Files unchanged: the edit is kept and the load says how to save it to files.
    assert load(content_copy).action == "kept-database"
    article.refresh_from_db()
    assert article.plain_title_en == "Edited in the admin"
    # Files changed too: the load refuses rather than lose either side.
    break_file(content_copy, "ai-law/draft-2025/article-2/en.toml", 'plain_title = "Changed in git"\n')
    with pytest.raises(LoadConflict):
        load(content_copy)
    article.refresh_from_db()
    assert article.plain_title_en == "Edited in the admin"


def test_a_key_too_long_for_the_database_is_refused_on_every_database(content_copy):
    meta = content_copy / "ai-law/law-230-viii/article-15/meta.toml"
    meta.write_text(meta.read_text().replace('key = "owner-', 'key = "owner-' + "x" * 50 + "-", 1))
    with pytest.raises(ContentErrors, match=r"article-15/meta.toml:\d+: key 'owner-x+.*' is longer than 50"):
        parse_tree(content_copy)


def reversed_keys(value):
    """The same data with every table's keys in reverse order, at every depth (lists keep theirs)."""
    if isinstance(value, dict):
        return {key: reversed_keys(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [reversed_keys(item) for item in value]
    return value


@pytest.mark.parametrize("edition", ["draft-2025", "law-230-viii"])
def test_a_flow_exports_in_its_written_order_whatever_order_the_database_returns(edition):
    # PostgreSQL's jsonb keeps a table's keys in its own order (shortest first); the export must not,
    # neither in flow.toml nor in the words files, whose keys follow the declaration (fines by size).
    from checker.models import FlowDeclaration
    from content_io.flow import FlowFolder

    declared = FlowDeclaration.objects.get(edition__slug=edition)
    written = FlowFolder().export(declared.edition)
    FlowDeclaration.objects.filter(pk=declared.pk).update(declaration=reversed_keys(declared.declaration))
    assert FlowFolder().export(declared.edition) == written


@pytest.mark.parametrize("value", ['["two\\nlines"]', '[""]', '"deepfake"', "[1]"])
def test_words_people_also_use_are_a_list_of_one_line_names(content_copy, value):
    path = content_copy / "ai-law/law-230-viii/glossary/en.toml"
    text = path.read_text(encoding="utf-8")
    written = 'also_called = [\n    "deepfake",\n]'
    assert written in text
    path.write_text(text.replace(written, f"also_called = {value}"), encoding="utf-8")
    with pytest.raises(ContentErrors, match="also_called"):
        load(content_copy, force=True)


@pytest.mark.parametrize(
    ("relative", "text", "line", "reason"),
    [
        ("search-words/en.toml", '[words.no-such-key]\ntyped = ["x"]\n', 1, "'no-such-key' is not listed in meta.toml"),
        ("search-words/ru.toml", '[words.fines]\ntyped = ["two\\nlines"]\n', None, "each a non-empty text on one line"),
        ("search-words/meta.toml", 'words = ["fines", "fines"]\n', 1, "a key is listed twice"),
        ("search-words/meta.toml", 'words = ["Not a key"]\n', 1, "must be a key like 'labelling'"),
    ],
)
def test_a_broken_list_of_everyday_words_stops_the_load(content_copy, relative, text, line, reason):
    break_file(content_copy, relative, text)
    with pytest.raises(ContentErrors) as caught:
        load(content_copy, force=True)
    message = str(caught.value)
    assert f"content/{relative}:{line}:" in message if line else f"content/{relative}" in message
    assert reason in message


def test_everyday_words_load_in_order_and_in_each_language():
    words = list(EverydayWord.objects.all())
    assert [w.key for w in words][:2] == ["labelling", "bans"]
    labelling = words[0]
    assert "маркировка" in labelling.lines("typed", "ru") and "маркировать" in labelling.lines("finds", "ru")
    assert all(w.lines(name, lang) for w in words for name in ("typed", "finds") for lang in ("kk", "ru", "en"))
