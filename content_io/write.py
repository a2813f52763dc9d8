"""A validated Tree → the database, in one transaction (all or nothing), as one history revision."""

from __future__ import annotations

import reversion
from django.db import transaction

from editorial.languages import LANGUAGE_CODES

from .parse import ACT_SLUG, ArticleData, Tree, edition_folders, extra_folders


def lang_values(texts: dict[str, dict], name: str, getter=None) -> dict[str, str]:
    """{'title_kk': ..., 'title_ru': ..., 'title_en': ...} from per-language tables."""
    values = {}
    for lang in LANGUAGE_CODES:
        table = texts.get(lang, {})
        value = getter(table) if getter else table.get(name, "")
        values[f"{name}_{lang}"] = value or ""
    return values


def apply_tree(tree: Tree) -> None:
    """Make the database hold exactly what the tree holds (one transaction: all or nothing).

    The load is one revision in the history, so the admin can restore any text as it was loaded.
    """
    from law.changes import bulk_change

    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment("Loaded from content/")
        # Glossary links and the search index are redone once, at the end, not per record.
        with bulk_change():
            write_tree(tree)


def write_tree(tree: Tree) -> None:
    from law.models import Act, Article, Chapter, Edition, Page, RightOrDuty

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
        for name in ("title", "short_title", "official_url", "official_download_url", "description"):
            defaults.update(lang_values(texts, name))
        edition, _ = Edition.objects.update_or_create(slug=data.slug, defaults=defaults)
        edition_objs[data.slug] = edition
    for data in tree.editions:
        if data.meta["superseded_by"]:
            edition = edition_objs[data.slug]
            edition.superseded_by = edition_objs[data.meta["superseded_by"]]
            edition.save(update_fields=["superseded_by"])
    # Articles first: an article's chapter is protected while the article stands.
    Article.objects.exclude(edition__slug__in=edition_objs).delete()
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

    for data in tree.editions:
        for name, handler in edition_folders().items():
            handler.apply(edition_objs[data.slug], data.extra.get(name))

    for slug, (meta, texts) in tree.pages.items():
        defaults = {"status": meta["status"] or "published", "last_checked": meta["last_checked"]}
        for name in ("title", "body"):
            defaults.update(lang_values(texts, name))
        Page.objects.update_or_create(slug=slug, defaults=defaults)
    Page.objects.exclude(slug__in=tree.pages).delete()

    for name, handler in extra_folders().items():
        handler.apply(tree.extra[name])


def review_flags(value) -> dict:
    """meta.toml's `needs_review` (true for every language, or a list of languages) as the columns."""
    langs = set(LANGUAGE_CODES) if value is True else set(value or ())
    return {f"needs_review_{lang}": lang in langs for lang in LANGUAGE_CODES}


def apply_article(edition, chapters, position, data: ArticleData) -> int:
    from law.models import Article, Paragraph, RightOrDuty

    meta, texts = data.meta, data.texts
    defaults = {
        "chapter": chapters[meta["chapter"]],
        "position": position,
        "status": meta["status"],
        "last_checked": meta["last_checked"],
        **review_flags(meta["needs_review"]),
        "review_note": meta["review_note"],
        "review_reasons": meta["review_reasons"],
    }
    for name in ("plain_title", "summary", "for_you"):
        defaults.update(lang_values(texts, name))
    article, _ = Article.objects.update_or_create(edition=edition, number=data.number, defaults=defaults)

    paragraphs = {}
    amended = {item["paragraph"]: item for item in meta["amendments"]}
    for index, label in enumerate(meta["paragraphs"]):
        amendment = amended.get(label, {})
        values = {
            "position": index,
            "note_needs_review": label in meta["notes_need_review"],
            "amended_on": amendment.get("on"),
            "amended_by": amendment.get("law", ""),
        }
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
