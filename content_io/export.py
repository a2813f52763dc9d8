"""The database → content files, in exactly the form the parser reads (load → export is byte for byte)."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from editorial.languages import LANGUAGE_CODES, text_in

from .parse import ACT_SLUG, OFFICIAL_FOLDER, edition_folders, extra_folders
from .reader import hash_files


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


def export_files(with_official_text: bool = False) -> dict[str, str]:
    """The database as content files: {relative path: text}. `with_official_text`: as the files were
    written before the official text left them (December 2026), for the migration that carries the
    last load's database hash over to today's files (law/migrations/0015)."""
    from law.models import Act, Article, Edition, Page

    files: dict[str, str] = {}
    act = Act.objects.filter(slug=ACT_SLUG).first()
    if act is None:
        return files
    files[f"{ACT_SLUG}/meta.toml"] = toml_text(drop_empty({"position": act.position}))
    for lang in LANGUAGE_CODES:
        files[f"{ACT_SLUG}/{lang}.toml"] = toml_text({"title": text_in(act, "title", lang)})

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
        for lang in LANGUAGE_CODES:
            files[f"{base}/{lang}.toml"] = toml_text(
                {
                    "title": text_in(edition, "title", lang),
                    "short_title": text_in(edition, "short_title", lang),
                    "official_url": text_in(edition, "official_url", lang),
                    "official_download_url": text_in(edition, "official_download_url", lang),
                    **({"official_notes": text_in(edition, "official_notes", lang)} if with_official_text else {}),
                    "description": text_in(edition, "description", lang),
                    "chapters": {c.key: text_in(c, "title", lang) for c in chapters},
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
                "needs_review": article.review_languages(),
                "review_note": article.review_note,
                "review_reasons": article.review_reasons,
                "paragraphs": [p.label for p in paragraphs],
                "notes_need_review": [p.label for p in paragraphs if p.note_needs_review],
                "amendments": [
                    drop_empty({"paragraph": p.label, "law": p.amended_by, "on": p.amended_on}, keep=("paragraph",))
                    for p in paragraphs
                    if p.amended_by or p.amended_on
                ],
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
        for lang in LANGUAGE_CODES:
            official = (
                {
                    "official_title": text_in(article, "official_title", lang),
                    "official_notes": text_in(article, "official_notes", lang),
                }
                if with_official_text
                else {}
            )
            data = {
                **official,
                "plain_title": text_in(article, "plain_title", lang),
                "summary": text_in(article, "summary", lang),
                "for_you": text_in(article, "for_you", lang),
                "paragraphs": {
                    p.label: {
                        **({"official": text_in(p, "official_text", lang)} if with_official_text else {}),
                        "note": text_in(p, "note", lang),
                    }
                    for p in paragraphs
                },
                "rights_and_duties": {item.key: text_in(item, "text", lang) for item in items},
            }
            files[f"{base}/{lang}.toml"] = toml_text(data)

    for edition in editions:
        base = f"{ACT_SLUG}/{edition.slug}"
        for name, handler in edition_folders().items():
            files.update({f"{base}/{name}/{path}": text for path, text in handler.export(edition).items()})

    for page in Page.objects.all():
        base = f"pages/{page.slug}"
        files[f"{base}/meta.toml"] = toml_text(
            drop_empty({"status": page.status if page.status != "published" else "", "last_checked": page.last_checked})
        )
        for lang in LANGUAGE_CODES:
            files[f"{base}/{lang}.toml"] = toml_text(
                {"title": text_in(page, "title", lang), "body": text_in(page, "body", lang)}
            )

    for handler in extra_folders().values():
        files.update(handler.export())
    return files


def database_hash(files: dict[str, str] | None = None) -> str:
    """The hash of the database as content files (pass `files` when already exported)."""
    files = export_files() if files is None else files
    return hash_files({name: text.encode("utf-8") for name, text in files.items()})


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
            if name not in files and not name.startswith(f"{OFFICIAL_FOLDER}/"):
                path.unlink()
                written.append(f"{name} (removed)")
        for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return written
