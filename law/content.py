"""Reading `content/` into the database and writing the database back to `content/`.

Layout (every folder holds `meta.toml` for structure and `kk.toml`, `ru.toml`, `en.toml` for words):

    content/ai-law/                      the act
    content/ai-law/<edition>/            an edition, its chapters
    content/ai-law/<edition>/article-<n>/  an article, its paragraphs, its rights and duties
    content/glossary/                    glossary terms
    content/pages/<slug>/                free-standing pages (home, committee)
    content/checker/                     words of the question flow (see checker.flow)

`parse_tree` reads and validates everything without touching the database; `apply_tree` writes it
in one transaction; `export_files` renders the database back to exactly the files `parse_tree`
reads, so load → export reproduces canonical files byte for byte.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import reversion
import tomli_w
from django.conf import settings
from django.db import transaction

LANGS = [code for code, _name in settings.LANGUAGES]
ACT_SLUG = "ai-law"
NUMBER_RE = re.compile(r"^\d+(?:-\d+)*$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


class ContentError(Exception):
    """A problem in one content file, with the line it is on when known."""

    def __init__(self, path: Path | str, line: int | None, reason: str):
        self.path, self.line, self.reason = Path(path), line, reason
        super().__init__(str(self))

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.reason}"


class ContentErrors(Exception):
    """Every problem found in one pass, so an editor can fix them all at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class Field:
    name: str
    kind: type | tuple = str  # str, bool, int, list, dict, datetime.date
    required: bool = False
    choices: tuple = ()
    markdown: bool = False


def sort_key(number: str) -> tuple[int, ...]:
    """'7-1' → (7, 1): inserted articles and subparagraphs sort after their parent."""
    return tuple(int(part) for part in number.split("-"))


# --------------------------------------------------------------------------- reading


@dataclass
class SourceFile:
    path: Path
    text: str
    data: dict

    def line_of(self, *keys: str) -> int | None:
        """Best-effort line of a key (last of `keys`) inside the table named by the others."""
        lines = self.text.splitlines()
        start = 0
        if len(keys) > 1:
            table = ".".join(keys[:-1])
            pattern = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*$")
            for i, line in enumerate(lines):
                if pattern.match(line):
                    start = i
                    break
        key = re.escape(keys[-1])
        pattern = re.compile(rf'^\s*(?:"{key}"|{key})\s*=|^\s*\[\[?\s*[\w.-]*\b{key}\s*\]\]?\s*$')
        for i in range(start, len(lines)):
            if pattern.match(lines[i]):
                return i + 1
        return None


class Reader:
    """Collects files and errors while a content tree is parsed."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        self.files: dict[str, bytes] = {}

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def error(self, source: SourceFile | Path, reason: str, *keys: str):
        path = source.path if isinstance(source, SourceFile) else source
        line = source.line_of(*keys) if isinstance(source, SourceFile) and keys else None
        self.errors.append(ContentError(self.display(path), line, reason))

    def display(self, path: Path) -> str:
        try:
            return f"content/{self.rel(path)}"
        except ValueError:
            return str(path)

    def read(self, path: Path, required: bool = True) -> SourceFile | None:
        if not path.exists():
            if required:
                self.errors.append(ContentError(self.display(path), None, "file is missing"))
            return None
        raw = path.read_bytes()
        self.files[self.rel(path)] = raw
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.errors.append(ContentError(self.display(path), line, "not valid UTF-8"))
            return None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = re.search(r"line (\d+)", str(exc))
            line = int(match.group(1)) if match else unterminated_line(text)
            self.errors.append(ContentError(self.display(path), line, f"not valid TOML: {exc}"))
            return None
        return SourceFile(path, text, data)

    def check_fields(self, source: SourceFile, data: dict, fields: list[Field], *table: str) -> dict:
        """Validate one table against its fields; returns the cleaned values (missing → defaults)."""
        known = {f.name: f for f in fields}
        for key in data:
            if key not in known:
                self.error(source, f"unknown field '{key}' (expected one of: {', '.join(known)})", *table, key)
        clean = {}
        for f in fields:
            if f.name not in data:
                if f.required:
                    where = f" in [{'.'.join(table)}]" if table else ""
                    self.error(source, f"required field '{f.name}' is missing{where}")
                clean[f.name] = default_for(f)
                continue
            value = data[f.name]
            if not isinstance(value, f.kind) or (f.kind is int and isinstance(value, bool)):
                self.error(source, f"'{f.name}' must be {type_name(f.kind)}", *table, f.name)
                clean[f.name] = default_for(f)
                continue
            if f.choices and value not in f.choices:
                self.error(source, f"'{f.name}' is '{value}'; allowed: {', '.join(f.choices)}", *table, f.name)
            if isinstance(value, str):
                value = value.strip()
            clean[f.name] = value
        return clean


def unterminated_line(text: str) -> int:
    """Where an unclosed multi-line string opened (tomllib only says 'at end of document')."""
    opened_at = None
    for number, line in enumerate(text.splitlines(), start=1):
        for _quote in re.findall(r'"""|\'\'\'', line):
            opened_at = None if opened_at else number
    return opened_at or max(1, text.count("\n"))


def default_for(f: Field):
    if f.kind is str:
        return ""
    if f.kind is bool:
        return False
    if f.kind is int:
        return 0
    if f.kind is list:
        return []
    if f.kind is dict:
        return {}
    return None


def type_name(kind) -> str:
    names = {str: "text", bool: "true or false", int: "a whole number", list: "a list", dict: "a table"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, "a date") for k in kind)
    return names.get(kind, "a date (YYYY-MM-DD)")


STATUS_CHOICES = ("draft", "review", "published")
DATE = (datetime.date,)

ACT_META = [Field("position", int)]
ACT_LANG = [Field("title", str)]

EDITION_META = [
    Field("kind", str, required=True, choices=("draft", "law")),
    Field("legal_status", str, required=True, choices=("draft", "in_force", "superseded")),
    Field("number", str),
    Field("signed_on", DATE),
    Field("published_on", DATE),
    Field("in_force_from", DATE),
    Field("superseded_by", str),
    Field("position", int),
    Field("chapters", list),
]
CHAPTER_META = [
    Field("key", str, required=True),
    Field("number", str),
    Field("official", bool),
]
EDITION_LANG = [
    Field("title", str),
    Field("short_title", str),
    Field("official_url", str),
    Field("official_notes", str),
    Field("description", str, markdown=True),
    Field("chapters", dict),
]

ARTICLE_META = [
    Field("chapter", str, required=True),
    Field("status", str, choices=STATUS_CHOICES),
    Field("last_checked", DATE),
    Field("needs_review", bool),
    Field("review_note", str),
    Field("paragraphs", list),
    Field("notes_need_review", list),
    Field("rights_and_duties", list),
]
RIGHT_OR_DUTY_META = [
    Field("key", str, required=True),
    Field(
        "role",
        str,
        required=True,
        choices=(
            "user",
            "decided_about",
            "owner",
            "owner_possessor",
            "data_library_owner",
            "data_library_holder",
            "data_library_producer",
        ),
    ),
    Field("kind", str, required=True, choices=("right", "duty", "prohibition")),
    Field("paragraph", str),
    Field("applies_if", str),
]
ARTICLE_LANG = [
    Field("official_title", str),
    Field("official_notes", str),
    Field("plain_title", str),
    Field("summary", str, markdown=True),
    Field("for_you", str, markdown=True),
    Field("paragraphs", dict),
    Field("rights_and_duties", dict),
]
PARAGRAPH_LANG = [Field("official", str), Field("note", str, markdown=True)]

GLOSSARY_META = [Field("terms", list)]
TERM_META = [Field("slug", str, required=True), Field("article", str)]
GLOSSARY_LANG = [Field("terms", dict)]
TERM_LANG = [Field("name", str), Field("definition", str, markdown=True)]

PAGE_META = [Field("status", str, choices=STATUS_CHOICES), Field("last_checked", DATE)]
PAGE_LANG = [Field("title", str), Field("body", str, markdown=True)]


# --------------------------------------------------------------------------- the parsed tree


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


@dataclass
class Tree:
    act: dict
    act_texts: dict[str, dict]
    editions: list[EditionData]
    glossary: dict
    glossary_texts: dict[str, dict]
    pages: dict[str, tuple[dict, dict[str, dict]]]
    extra: dict[str, object]  # other apps' content (e.g. the question flow), by folder name
    files: dict[str, bytes]

    def files_hash(self) -> str:
        return hash_files(self.files)


# Other apps register readers/writers for their own folders (e.g. checker → "checker").
EXTRA_FOLDERS: dict[str, object] = {}


def register_folder(name: str, handler) -> None:
    """`handler` has parse(reader, folder) → data, apply(data), export() → {relpath: text}."""
    EXTRA_FOLDERS[name] = handler


def hash_files(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()


def read_lang_files(reader: Reader, folder: Path, fields: list[Field]) -> dict[str, tuple[SourceFile, dict]]:
    texts = {}
    for lang in LANGS:
        source = reader.read(folder / f"{lang}.toml")
        if source is not None:
            texts[lang] = (source, reader.check_fields(source, source.data, fields))
    return texts


def check_folder_files(reader: Reader, folder: Path, allowed: set[str]) -> None:
    for item in sorted(folder.iterdir()):
        if item.is_file() and item.name not in allowed:
            reader.error(item, f"unexpected file (allowed here: {', '.join(sorted(allowed))})")


LANG_FILES = {f"{lang}.toml" for lang in LANGS}


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

    glossary_meta, glossary_texts = parse_glossary(reader, root / "glossary", editions)
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
    for name, handler in EXTRA_FOLDERS.items():
        extra[name] = handler.parse(reader, root / name)

    known_top = {ACT_SLUG, "glossary", "pages", *EXTRA_FOLDERS}
    if root.is_dir():
        for item in sorted(root.iterdir()):
            if item.name not in known_top and item.name != "README.md":
                reader.error(item, f"unexpected entry in content/ (known: {', '.join(sorted(known_top))})")
    else:
        reader.error(root, "content folder not found")

    if reader.errors:
        raise ContentErrors(reader.errors)
    return Tree(act_meta, act_texts, editions, glossary_meta, glossary_texts, pages, extra, reader.files)


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
        match = re.match(r"^article-(\d+(?:-\d+)*)$", article_dir.name)
        if not match:
            reader.error(article_dir, "an article folder must be named article-<number>, e.g. article-7-1")
            continue
        article = parse_article(reader, slug, match.group(1), article_dir, seen)
        if article:
            edition.articles.append(article)
    edition.articles.sort(key=lambda a: sort_key(a.number))
    first_use = {}
    for article in edition.articles:
        for item in article.meta["rights_and_duties"]:
            other = first_use.setdefault(item["key"], article.number)
            if other != article.number:
                path = edition_dir / f"article-{article.number}" / "meta.toml"
                reader.error(path, f"key '{item['key']}' is already used in article {other} of this edition")
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
        if not isinstance(label, str) or not NUMBER_RE.match(label):
            reader.error(meta_src, f"paragraph label {label!r} must look like '3' or '3-2'", "paragraphs")
        elif label in labels:
            reader.error(meta_src, f"paragraph label '{label}' is listed twice", "paragraphs")
        else:
            labels.append(label)
    meta["paragraphs"] = labels
    for label in meta["notes_need_review"]:
        if label not in labels:
            reason = f"notes_need_review names paragraph {label!r}, which is not listed"
            reader.error(meta_src, reason, "notes_need_review")
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


def check_edition_links(reader: Reader, act_dir: Path, editions: list[EditionData]) -> None:
    slugs = {e.slug for e in editions}
    for edition in editions:
        target = edition.meta["superseded_by"]
        if target and target not in slugs:
            reader.error(act_dir / edition.slug / "meta.toml", f"superseded_by '{target}' is not an edition")


def parse_glossary(reader: Reader, folder: Path, editions: list[EditionData]):
    if not folder.is_dir():
        return {"terms": []}, {}
    check_folder_files(reader, folder, {"meta.toml"} | LANG_FILES)
    meta_src = reader.read(folder / "meta.toml")
    if meta_src is None:
        return {"terms": []}, {}
    meta = reader.check_fields(meta_src, meta_src.data, GLOSSARY_META)
    articles = {f"{e.slug}/{a.number}" for e in editions for a in e.articles}
    terms, slugs = [], set()
    for raw in meta["terms"]:
        if not isinstance(raw, dict):
            reader.error(meta_src, "each [[terms]] entry must be a table", "terms")
            continue
        term = reader.check_fields(meta_src, raw, TERM_META, "terms")
        if term["slug"] in slugs:
            reader.error(meta_src, f"term '{term['slug']}' is listed twice", "terms", "slug")
        elif term["slug"] and not SLUG_RE.match(term["slug"]):
            reader.error(meta_src, f"term slug '{term['slug']}' must be a slug", "terms", "slug")
        if term["article"] and term["article"] not in articles:
            reader.error(
                meta_src, f"article '{term['article']}' not found (write it as 'draft-2025/15')", "terms", "article"
            )
        slugs.add(term["slug"])
        terms.append(term)
    meta["terms"] = terms
    texts = {}
    for lang, (source, clean) in read_lang_files(reader, folder, GLOSSARY_LANG).items():
        cleaned = {}
        for slug, table in clean["terms"].items():
            if slug not in slugs:
                reader.error(source, f"term '{slug}' is not declared in meta.toml", "terms", slug)
            elif not isinstance(table, dict):
                reader.error(source, f"[terms.{slug}] must be a table", "terms", slug)
            else:
                cleaned[slug] = reader.check_fields(source, table, TERM_LANG, "terms", slug)
        texts[lang] = cleaned
    return meta, texts


# --------------------------------------------------------------------------- writing to the database


def lang_values(texts: dict[str, dict], name: str, getter=None) -> dict[str, str]:
    """{'title_kk': ..., 'title_ru': ..., 'title_en': ...} from per-language tables."""
    values = {}
    for lang in LANGS:
        table = texts.get(lang, {})
        value = getter(table) if getter else table.get(name, "")
        values[f"{name}_{lang}"] = value or ""
    return values


def apply_tree(tree: Tree) -> None:
    """Make the database hold exactly what the tree holds (one transaction: all or nothing).

    The load is one revision in the history, so the admin can restore any text as it was loaded.
    """
    from .changes import bulk_change

    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment("Loaded from content/")
        # Glossary links and the search index are redone once, at the end, not per record.
        with bulk_change():
            write_tree(tree)


def write_tree(tree: Tree) -> None:
    from .models import Act, Article, Chapter, Edition, GlossaryTerm, Page, RightOrDuty

    act, _ = Act.objects.update_or_create(
        slug=ACT_SLUG, defaults={"position": tree.act.get("position", 0), **lang_values(tree.act_texts, "title")}
    )
    Act.objects.exclude(pk=act.pk).delete()

    edition_objs = {}
    for data in tree.editions:
        meta, texts = data.meta, data.texts
        defaults = {
            "act": act,
            "kind": meta["kind"],
            "legal_status": meta["legal_status"],
            "number": meta["number"],
            "signed_on": meta["signed_on"],
            "published_on": meta["published_on"],
            "in_force_from": meta["in_force_from"],
            "position": meta["position"],
            "superseded_by": None,
        }
        for name in ("title", "short_title", "official_url", "official_notes", "description"):
            defaults.update(lang_values(texts, name))
        edition, _ = Edition.objects.update_or_create(slug=data.slug, defaults=defaults)
        edition_objs[data.slug] = edition
    for data in tree.editions:
        if data.meta["superseded_by"]:
            edition = edition_objs[data.slug]
            edition.superseded_by = edition_objs[data.meta["superseded_by"]]
            edition.save(update_fields=["superseded_by"])
    Edition.objects.exclude(slug__in=edition_objs).delete()

    for data in tree.editions:
        edition = edition_objs[data.slug]
        chapters = {}
        for chapter in data.meta["chapters"]:
            defaults = {
                "number": chapter["number"],
                "is_official": chapter["official"],
                "position": chapter["position"],
                **lang_values(data.texts, "title", lambda t, k=chapter["key"]: t.get("chapters", {}).get(k, "")),
            }
            chapters[chapter["key"]], _ = Chapter.objects.update_or_create(
                edition=edition, key=chapter["key"], defaults=defaults
            )
        keep_articles = []
        for position, article_data in enumerate(data.articles):
            keep_articles.append(apply_article(edition, chapters, position, article_data))
        Article.objects.filter(edition=edition).exclude(pk__in=keep_articles).delete()
        Chapter.objects.filter(edition=edition).exclude(key__in=chapters).delete()

    for data in tree.editions:
        keep_keys = [item["key"] for a in data.articles for item in a.meta["rights_and_duties"]]
        RightOrDuty.objects.filter(edition=edition_objs[data.slug]).exclude(key__in=keep_keys).delete()

    articles = {f"{a.edition.slug}/{a.number}": a for a in Article.objects.select_related("edition")}
    for position, term in enumerate(tree.glossary.get("terms", [])):
        defaults = {"position": position, "article": articles.get(term["article"])}
        for name in ("name", "definition"):
            defaults.update(
                lang_values(tree.glossary_texts, name, lambda t, s=term["slug"], n=name: t.get(s, {}).get(n, ""))
            )
        GlossaryTerm.objects.update_or_create(slug=term["slug"], defaults=defaults)
    GlossaryTerm.objects.exclude(slug__in=[t["slug"] for t in tree.glossary.get("terms", [])]).delete()

    for slug, (meta, texts) in tree.pages.items():
        defaults = {"status": meta["status"] or "published", "last_checked": meta["last_checked"]}
        for name in ("title", "body"):
            defaults.update(lang_values(texts, name))
        Page.objects.update_or_create(slug=slug, defaults=defaults)
    Page.objects.exclude(slug__in=tree.pages).delete()

    for name, handler in EXTRA_FOLDERS.items():
        handler.apply(tree.extra[name])


def apply_article(edition, chapters, position, data: ArticleData) -> int:
    from .models import Article, Paragraph, RightOrDuty

    meta, texts = data.meta, data.texts
    defaults = {
        "chapter": chapters[meta["chapter"]],
        "position": position,
        "status": meta["status"],
        "last_checked": meta["last_checked"],
        "needs_review": meta["needs_review"],
        "review_note": meta["review_note"],
    }
    for name in ("official_title", "official_notes", "plain_title", "summary", "for_you"):
        defaults.update(lang_values(texts, name))
    article, _ = Article.objects.update_or_create(edition=edition, number=data.number, defaults=defaults)

    paragraphs = {}
    for index, label in enumerate(meta["paragraphs"]):
        values = {"position": index, "note_needs_review": label in meta["notes_need_review"]}
        values.update(
            lang_values(texts, "official_text", lambda t, lb=label: t["paragraphs"].get(lb, {}).get("official", ""))
        )
        values.update(lang_values(texts, "note", lambda t, lb=label: t["paragraphs"].get(lb, {}).get("note", "")))
        paragraphs[label], _ = Paragraph.objects.update_or_create(article=article, label=label, defaults=values)
    Paragraph.objects.filter(article=article).exclude(label__in=paragraphs).delete()

    for index, item in enumerate(meta["rights_and_duties"]):
        values = {
            "article": article,
            "paragraph": paragraphs.get(item["paragraph"]),
            "role": item["role"],
            "kind": item["kind"],
            "applies_if": item["applies_if"],
            "position": index,
        }
        values.update(lang_values(texts, "text", lambda t, k=item["key"]: t["rights_and_duties"].get(k, "")))
        RightOrDuty.objects.update_or_create(edition=edition, key=item["key"], defaults=values)
    return article.pk


# --------------------------------------------------------------------------- writing files


def toml_text(data: dict) -> str:
    """Canonical TOML: multi-line strings end with a newline so the closing quotes stand alone."""

    def prepare(value):
        if isinstance(value, dict):
            return {k: prepare(v) for k, v in value.items()}
        if isinstance(value, list):
            return [prepare(v) for v in value]
        if isinstance(value, str) and "\n" in value:
            return value.rstrip("\n") + "\n"
        return value

    return tomli_w.dumps(prepare(data), multiline_strings=True)


def drop_empty(data: dict, keep: tuple = ()) -> dict:
    """Leave out structural fields at their defaults, so meta files stay short."""
    return {k: v for k, v in data.items() if k in keep or v not in ("", None, [], {}, False, 0)}


def text_of(obj, name: str, lang: str) -> str:
    """A translated field's text, '' when empty or NULL."""
    return getattr(obj, f"{name}_{lang}") or ""


def export_files() -> dict[str, str]:
    """The database as content files: {relative path: text}."""
    from .models import Act, Article, Edition, GlossaryTerm, Page

    files: dict[str, str] = {}
    act = Act.objects.filter(slug=ACT_SLUG).first()
    if act is None:
        return files
    files[f"{ACT_SLUG}/meta.toml"] = toml_text(drop_empty({"position": act.position}))
    for lang in LANGS:
        files[f"{ACT_SLUG}/{lang}.toml"] = toml_text({"title": text_of(act, "title", lang)})

    editions = Edition.objects.select_related("superseded_by").prefetch_related("chapters")
    for edition in editions:
        base = f"{ACT_SLUG}/{edition.slug}"
        chapters = list(edition.chapters.all())
        meta = drop_empty(
            {
                "kind": edition.kind,
                "legal_status": edition.legal_status,
                "number": edition.number,
                "signed_on": edition.signed_on,
                "published_on": edition.published_on,
                "in_force_from": edition.in_force_from,
                "superseded_by": edition.superseded_by.slug if edition.superseded_by else "",
                "position": edition.position,
            },
            keep=("kind", "legal_status"),
        )
        meta["chapters"] = [
            drop_empty({"key": c.key, "number": c.number, "official": c.is_official}, keep=("key",)) for c in chapters
        ]
        files[f"{base}/meta.toml"] = toml_text(meta)
        for lang in LANGS:
            files[f"{base}/{lang}.toml"] = toml_text(
                {
                    "title": text_of(edition, "title", lang),
                    "short_title": text_of(edition, "short_title", lang),
                    "official_url": text_of(edition, "official_url", lang),
                    "official_notes": text_of(edition, "official_notes", lang),
                    "description": text_of(edition, "description", lang),
                    "chapters": {c.key: text_of(c, "title", lang) for c in chapters},
                }
            )

    articles = Article.objects.select_related("edition", "chapter").prefetch_related(
        "paragraphs", "rights_and_duties__paragraph"
    )
    for article in articles:
        base = f"{ACT_SLUG}/{article.edition.slug}/article-{article.number}"
        paragraphs = list(article.paragraphs.all())
        items = list(article.rights_and_duties.all())
        meta = drop_empty(
            {
                "chapter": article.chapter.key,
                "status": article.status if article.status != "published" else "",
                "last_checked": article.last_checked,
                "needs_review": article.needs_review,
                "review_note": article.review_note,
                "paragraphs": [p.label for p in paragraphs],
                "notes_need_review": [p.label for p in paragraphs if p.note_needs_review],
            },
            keep=("chapter",),
        )
        meta["rights_and_duties"] = [
            drop_empty(
                {
                    "key": item.key,
                    "role": item.role,
                    "kind": item.kind,
                    "paragraph": item.paragraph.label if item.paragraph else "",
                    "applies_if": item.applies_if,
                },
                keep=("key", "role", "kind"),
            )
            for item in items
        ]
        if not meta["rights_and_duties"]:
            del meta["rights_and_duties"]
        files[f"{base}/meta.toml"] = toml_text(meta)
        for lang in LANGS:
            data = {
                "official_title": text_of(article, "official_title", lang),
                "official_notes": text_of(article, "official_notes", lang),
                "plain_title": text_of(article, "plain_title", lang),
                "summary": text_of(article, "summary", lang),
                "for_you": text_of(article, "for_you", lang),
                "paragraphs": {
                    p.label: {"official": text_of(p, "official_text", lang), "note": text_of(p, "note", lang)}
                    for p in paragraphs
                },
                "rights_and_duties": {item.key: text_of(item, "text", lang) for item in items},
            }
            files[f"{base}/{lang}.toml"] = toml_text(data)

    terms = list(GlossaryTerm.objects.select_related("article__edition"))
    if terms:
        files["glossary/meta.toml"] = toml_text(
            {
                "terms": [
                    drop_empty(
                        {
                            "slug": t.slug,
                            "article": f"{t.article.edition.slug}/{t.article.number}" if t.article else "",
                        },
                        keep=("slug",),
                    )
                    for t in terms
                ]
            }
        )
        for lang in LANGS:
            files[f"glossary/{lang}.toml"] = toml_text(
                {
                    "terms": {
                        t.slug: {"name": text_of(t, "name", lang), "definition": text_of(t, "definition", lang)}
                        for t in terms
                    }
                }
            )

    for page in Page.objects.all():
        base = f"pages/{page.slug}"
        files[f"{base}/meta.toml"] = toml_text(
            drop_empty({"status": page.status if page.status != "published" else "", "last_checked": page.last_checked})
        )
        for lang in LANGS:
            files[f"{base}/{lang}.toml"] = toml_text(
                {"title": text_of(page, "title", lang), "body": text_of(page, "body", lang)}
            )

    for handler in EXTRA_FOLDERS.values():
        files.update(handler.export())
    return files


def database_hash() -> str:
    return hash_files({name: text.encode("utf-8") for name, text in export_files().items()})


def write_files(files: dict[str, str], root: Path, prune: bool = True) -> list[str]:
    """Write exported files under root; with prune, remove content files the database no longer has."""
    root = Path(root)
    written = []
    for name, text in sorted(files.items()):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(name)
    if prune:
        for path in sorted(root.rglob("*.toml")):
            name = path.relative_to(root).as_posix()
            if name not in files:
                path.unlink()
                written.append(f"{name} (removed)")
        for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return written


# --------------------------------------------------------------------------- the safe load


@dataclass
class LoadResult:
    action: str  # "loaded", "up-to-date", "kept-database", "checked"
    message: str


class LoadConflict(Exception):
    pass


def load(root: Path | None = None, check_only: bool = False, force: bool = False) -> LoadResult:
    """Load content files unless that would overwrite edits made in the admin since the last load."""
    from .models import ContentLoad

    tree = parse_tree(root)
    if check_only:
        return LoadResult("checked", f"{len(tree.files)} files are valid.")
    files_hash = tree.files_hash()
    with transaction.atomic():
        last = ContentLoad.objects.select_for_update().first()
        db_hash = database_hash()
        db_empty = not export_files()
        if not force and not db_empty:
            if last and last.files_hash == files_hash and last.db_hash == db_hash:
                return LoadResult("up-to-date", "Content is already loaded; nothing changed.")
            edited = last is None or last.db_hash != db_hash
            if edited and last is not None and last.files_hash == files_hash:
                return LoadResult(
                    "kept-database",
                    "The database has edits made since the last load and the files have not changed: "
                    "the edits are kept. Run `manage.py export_content` to write them to content/.",
                )
            if edited:
                raise LoadConflict(
                    "Both content/ and the database changed since the last load. Loading would overwrite "
                    "edits made in the admin. Run `manage.py export_content` into a separate folder "
                    "(--dir), merge the two, then load again, or use --force to replace the database."
                )
        apply_tree(tree)
        ContentLoad.objects.create(files_hash=files_hash, db_hash=database_hash())
    return LoadResult("loaded", f"Loaded {len(tree.files)} files.")


def record_sync(root: Path | None = None) -> None:
    """Note that the files under root and the database are in step (after an export)."""
    from .models import ContentLoad

    ContentLoad.objects.create(files_hash=parse_tree(root).files_hash(), db_hash=database_hash())
