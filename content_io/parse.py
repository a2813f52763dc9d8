"""content/ → a validated Tree, without touching the database (see the package docstring)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from editorial.numbering import LABEL_RE, number_key
from official.paths import FOLDER as SHIPPED_FOLDER

from .reader import LANG_FILES, ContentErrors, Reader, check_folder_files, hash_files, read_lang_files
from .schema import (
    ACT_LANG,
    ACT_META,
    AMENDMENT_META,
    ARTICLE_LANG,
    ARTICLE_META,
    CHAPTER_META,
    EDITION_LANG,
    EDITION_META,
    PAGE_LANG,
    PAGE_META,
    PARAGRAPH_LANG,
    RIGHT_OR_DUTY_META,
    SLUG_RE,
)

ACT_SLUG = "ai-law"
# The official texts, as the state publishes them, with their manifests: read by the importer
# (`manage.py load_official`, official/shipped.py), never by this loader or written by an export.
OFFICIAL_FOLDER = SHIPPED_FOLDER
MAX_KEY_LENGTH = 50  # the length of RightOrDuty.key (a SlugField)
MAX_LAW_NUMBER_LENGTH = 20  # the length of Paragraph.amended_by


@dataclass
class ArticleData:
    edition: str
    number: str
    meta: dict
    texts: dict[str, dict] = field(default_factory=dict)  # lang → cleaned lang table


@dataclass
class EditionData:
    slug: str
    meta: dict
    texts: dict[str, dict]
    articles: list[ArticleData] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)  # sub-folders' content (glossary, flow)


@dataclass
class Tree:
    act: dict
    act_texts: dict[str, dict]
    editions: list[EditionData]
    pages: dict[str, tuple[dict, dict[str, dict]]]
    extra: dict[str, object]  # other apps' content (e.g. the question flow), by folder name
    files: dict[str, bytes]

    def files_hash(self) -> str:
        return hash_files(self.files)


def extra_folders() -> dict:
    """The top-level folders besides the act and the pages (content_io.folders, read when first
    asked: those folders' handlers build on this module)."""
    from .folders import EXTRA_FOLDERS

    return EXTRA_FOLDERS


def edition_folders() -> dict:
    """What an edition holds besides its articles, each in a sub-folder of its own (content_io.folders)."""
    from .folders import EDITION_FOLDERS

    return EDITION_FOLDERS


def parse_tree(root: Path | None = None) -> Tree:
    """Read and validate the whole content tree; raise ContentErrors listing every problem."""
    root = Path(root or settings.CONTENT_DIR)
    reader = Reader(root)
    act_dir = root / ACT_SLUG
    act_meta_src = reader.read(act_dir / "meta.toml")
    act_meta = reader.check_fields(act_meta_src, act_meta_src.data, ACT_META) if act_meta_src else {}
    act_texts = {lang: clean for lang, (_s, clean) in read_lang_files(reader, act_dir, ACT_LANG).items()}

    editions = []
    if act_dir.is_dir():
        check_folder_files(reader, act_dir, {"meta.toml"} | LANG_FILES)
        for edition_dir in sorted(p for p in act_dir.iterdir() if p.is_dir()):
            edition = parse_edition(reader, edition_dir)
            if edition:
                editions.append(edition)
    check_edition_links(reader, act_dir, editions)

    pages = {}
    pages_dir = root / "pages"
    if pages_dir.is_dir():
        for page_dir in sorted(p for p in pages_dir.iterdir() if p.is_dir()):
            check_folder_files(reader, page_dir, {"meta.toml"} | LANG_FILES)
            meta_src = reader.read(page_dir / "meta.toml")
            meta = reader.check_fields(meta_src, meta_src.data, PAGE_META) if meta_src else {}
            texts = {lang: clean for lang, (_s, clean) in read_lang_files(reader, page_dir, PAGE_LANG).items()}
            pages[page_dir.name] = (meta, texts)

    extra = {}
    for name, handler in extra_folders().items():
        extra[name] = handler.parse(reader, root / name)

    known_top = {ACT_SLUG, "pages", OFFICIAL_FOLDER, *extra_folders()}
    if root.is_dir():
        for item in sorted(root.iterdir()):
            if item.name not in known_top and item.name not in ("README.md", "terms.toml"):
                reader.error(item, f"unexpected entry in content/ (known: {', '.join(sorted(known_top))})")
    else:
        reader.error(root, "content folder not found")

    if reader.errors:
        raise ContentErrors(reader.errors)
    return Tree(act_meta, act_texts, editions, pages, extra, reader.files)


def parse_edition(reader: Reader, edition_dir: Path) -> EditionData | None:
    slug = edition_dir.name
    if not SLUG_RE.match(slug):
        reader.error(edition_dir, "an edition folder name must be a slug like 'draft-2025'")
        return None
    meta_src = reader.read(edition_dir / "meta.toml")
    if meta_src is None:
        return None
    meta = reader.check_fields(meta_src, meta_src.data, EDITION_META)
    chapters = []
    seen = set()
    for i, raw in enumerate(meta["chapters"]):
        if not isinstance(raw, dict):
            reader.error(meta_src, "each [[chapters]] entry must be a table", "chapters")
            continue
        chapter = reader.check_fields(meta_src, raw, CHAPTER_META, "chapters")
        if chapter["key"] in seen:
            reader.error(meta_src, f"chapter key '{chapter['key']}' is used twice", "chapters", "key")
        elif chapter["key"] and not SLUG_RE.match(chapter["key"]):
            reader.error(meta_src, f"chapter key '{chapter['key']}' must be a slug", "chapters", "key")
        seen.add(chapter["key"])
        chapter["position"] = i
        chapters.append(chapter)
    meta["chapters"] = chapters
    texts = {}
    for lang, (source, clean) in read_lang_files(reader, edition_dir, EDITION_LANG).items():
        for key, title in clean["chapters"].items():
            if key not in seen:
                reader.error(source, f"chapter '{key}' is not declared in meta.toml", "chapters", key)
            elif not isinstance(title, str):
                reader.error(source, f"the title of chapter '{key}' must be text", "chapters", key)
        clean["chapters"] = {k: (v.strip() if isinstance(v, str) else "") for k, v in clean["chapters"].items()}
        texts[lang] = clean

    edition = EditionData(slug, meta, texts)
    allowed = {"meta.toml"} | LANG_FILES
    check_folder_files(reader, edition_dir, allowed)
    for article_dir in sorted(p for p in edition_dir.iterdir() if p.is_dir()):
        if article_dir.name in edition_folders():
            continue
        match = re.match(r"^article-(\d+(?:-\d+)*)$", article_dir.name)
        if not match:
            known = ", ".join(sorted(edition_folders()))
            reader.error(
                article_dir, f"an article folder must be named article-<number>, e.g. article-7-1 (or: {known})"
            )
            continue
        article = parse_article(reader, slug, match.group(1), article_dir, seen)
        if article:
            edition.articles.append(article)
    edition.articles.sort(key=lambda a: number_key(a.number))
    first_use = {}
    for article in edition.articles:
        for item in article.meta["rights_and_duties"]:
            other = first_use.setdefault(item["key"], article.number)
            if other != article.number:
                path = edition_dir / f"article-{article.number}" / "meta.toml"
                reader.error(path, f"key '{item['key']}' is already used in article {other} of this edition")
    for name, handler in edition_folders().items():
        folder = edition_dir / name
        edition.extra[name] = handler.parse(reader, folder, edition) if folder.is_dir() else None
    return edition


def parse_article(reader: Reader, edition: str, number: str, folder: Path, chapters: set) -> ArticleData | None:
    check_folder_files(reader, folder, {"meta.toml"} | LANG_FILES)
    meta_src = reader.read(folder / "meta.toml")
    if meta_src is None:
        return None
    meta = reader.check_fields(meta_src, meta_src.data, ARTICLE_META)
    meta["status"] = meta["status"] or "published"
    if meta["chapter"] and meta["chapter"] not in chapters:
        reader.error(meta_src, f"chapter '{meta['chapter']}' is not declared in the edition's meta.toml", "chapter")
    labels = []
    for label in meta["paragraphs"]:
        if not isinstance(label, str) or not LABEL_RE.match(label):
            reader.error(meta_src, f"paragraph label {label!r} must look like '3', '3-2' or '3-after'", "paragraphs")
        elif label in labels:
            reader.error(meta_src, f"paragraph label '{label}' is listed twice", "paragraphs")
        else:
            labels.append(label)
    meta["paragraphs"] = labels
    for label in meta["notes_need_review"]:
        if label not in labels:
            reason = f"notes_need_review names paragraph {label!r}, which is not listed"
            reader.error(meta_src, reason, "notes_need_review")
    meta["amendments"] = parse_amendments(reader, meta_src, meta["amendments"], labels)
    duties = []
    keys = set()
    for raw in meta["rights_and_duties"]:
        if not isinstance(raw, dict):
            reader.error(meta_src, "each [[rights_and_duties]] entry must be a table", "rights_and_duties")
            continue
        item = reader.check_fields(meta_src, raw, RIGHT_OR_DUTY_META, "rights_and_duties")
        if item["key"] in keys:
            reader.error(meta_src, f"key '{item['key']}' is used twice", "rights_and_duties", "key")
        elif item["key"] and not SLUG_RE.match(item["key"]):
            reader.error(meta_src, f"key '{item['key']}' must be a slug", "rights_and_duties", "key")
        elif len(item["key"]) > MAX_KEY_LENGTH:
            # Checked here, not left to the database: SQLite would store it, PostgreSQL would not.
            reason = f"key '{item['key']}' is longer than {MAX_KEY_LENGTH} characters"
            reader.error(meta_src, reason, "rights_and_duties", "key")
        if item["paragraph"] and item["paragraph"] not in labels:
            reader.error(
                meta_src,
                f"paragraph '{item['paragraph']}' of '{item['key']}' is not in this article's paragraphs",
                "rights_and_duties",
                "paragraph",
            )
        if item["applies_if"] and not re.match(r"^\w+=[\w|]+$", item["applies_if"]):
            reader.error(meta_src, "applies_if must look like 'question=value' or 'question=a|b'", "rights_and_duties")
        keys.add(item["key"])
        duties.append(item)
    meta["rights_and_duties"] = duties

    article = ArticleData(edition, number, meta)
    for lang, (source, clean) in read_lang_files(reader, folder, ARTICLE_LANG).items():
        paragraphs = {}
        for label, table in clean["paragraphs"].items():
            if label not in labels:
                reader.error(source, f"paragraph '{label}' is not listed in meta.toml", "paragraphs", label)
                continue
            if not isinstance(table, dict):
                reader.error(source, f"[paragraphs.{label}] must be a table", "paragraphs", label)
                continue
            paragraphs[label] = reader.check_fields(source, table, PARAGRAPH_LANG, "paragraphs", label)
        clean["paragraphs"] = paragraphs
        texts = {}
        for key, text in clean["rights_and_duties"].items():
            if key not in keys:
                reader.error(source, f"'{key}' is not declared in meta.toml", "rights_and_duties", key)
            elif not isinstance(text, str):
                reader.error(source, f"the text of '{key}' must be text", "rights_and_duties", key)
            else:
                texts[key] = text.strip()
        clean["rights_and_duties"] = texts
        article.texts[lang] = clean
    return article


def parse_amendments(reader: Reader, meta_src, entries: list, labels: list[str]) -> list[dict]:
    """[{paragraph, law, on}]: a later law that amended a listed paragraph, each paragraph once."""
    amendments = []
    seen = set()
    for raw in entries:
        if not isinstance(raw, dict):
            reader.error(meta_src, "each entry of amendments must be a table {paragraph, law, on}", "amendments")
            continue
        item = reader.check_fields(meta_src, raw, AMENDMENT_META, "amendments")
        label, law, on = item["paragraph"], item["law"], item["on"]
        # A missing law or date is reported by check_fields (both are required).
        if "law" in raw and not law:
            reader.error(meta_src, f"the amendment of paragraph {label!r} needs the law's number", "amendments")
        elif len(law) > MAX_LAW_NUMBER_LENGTH:
            reason = f"the law number {law!r} is longer than {MAX_LAW_NUMBER_LENGTH} characters"
            reader.error(meta_src, reason, "amendments")
        if isinstance(on, datetime.datetime):
            reader.error(meta_src, f"the amendment of paragraph {label!r} needs a date without a time", "amendments")
        if label and label not in labels:
            reader.error(meta_src, f"amendments names paragraph {label!r}, which is not listed", "amendments")
        elif label in seen:
            reader.error(meta_src, f"amendments names paragraph {label!r} twice", "amendments")
        seen.add(label)
        amendments.append(item)
    return amendments


def check_edition_links(reader: Reader, act_dir: Path, editions: list[EditionData]) -> None:
    slugs = {e.slug for e in editions}
    for edition in editions:
        target = edition.meta["superseded_by"]
        if target and target not in slugs:
            reader.error(act_dir / edition.slug / "meta.toml", f"superseded_by '{target}' is not an edition")
