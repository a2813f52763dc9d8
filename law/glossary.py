"""The glossary as the rest of the site uses it.

Each edition has its own glossary (the draft and the law define some terms differently); an
explanation links the terms of its own edition, to that edition's glossary page.

- `linkable_terms(edition_id)`: each language's term names, for linking explanations when saved
  (registered with editorial.glossary_source by law.apps).
- `relink_all()` and the GlossaryTerm signal handlers: when terms change, the links already stored
  in explanations' HTML are redone (only in the records the change can affect).
- `sort_key()`: alphabetical order for kk, ru and en, with Kazakh letters beside their base letters.
- `glossary_entries()` and `popup_terms()`: what the glossary page and its JSON show.
"""

from __future__ import annotations

import html

from django.urls import reverse
from django.utils.translation import override

from editorial.glossary_links import Term
from editorial.glossary_source import Terms
from editorial.languages import LANGUAGE_CODES, text_in
from editorial.rendering import render_markdown
from editorial.text import html_to_text

from .changes import in_bulk_change
from .models import Article, Edition, GlossaryTerm, Paragraph

# The models whose explanations link terms (each says which fields in `glossary_linked`), and the
# path from each to its edition.
LINKED_MODELS = {Article: "edition_id", Paragraph: "article__edition_id"}

# The Kazakh alphabet (which holds the Russian one): ә after а, ғ after г, қ after к, ң after н,
# ө after о, ұ and ү after у, һ after х, і after ы, ё after е, as in Kazakh dictionaries.
CYRILLIC_ORDER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_CYRILLIC_RANK = {letter: rank for rank, letter in enumerate(CYRILLIC_ORDER)}
_CYRILLIC_START = ord("а")


def sort_key(name: str) -> tuple:
    """Alphabetical order of a term's name; Latin before Cyrillic, case ignored."""
    return tuple(
        (_CYRILLIC_START, _CYRILLIC_RANK[c]) if c in _CYRILLIC_RANK else (ord(c), 0) for c in name.casefold().strip()
    )


def glossary_path(edition_slug: str, lang: str) -> str:
    """The glossary page of one edition, in one language (the address links in explanations use)."""
    with override(lang):
        return reverse("law:edition_glossary", kwargs={"edition": edition_slug})


def linkable_terms(edition_id: int) -> Terms:
    """{lang: [Term]} for every term of the edition named in that language; empty during a bulk change.

    During a load the terms themselves may not be written yet: the links are made once at its end.
    """
    if in_bulk_change():
        return Terms()
    slug = Edition.objects.filter(pk=edition_id).values_list("slug", flat=True).first()
    if slug is None:
        return Terms()
    fields = [f"name_{lang}" for lang in LANGUAGE_CODES]
    terms: dict[str, list[Term]] = {lang: [] for lang in LANGUAGE_CODES}
    rows = GlossaryTerm.objects.filter(edition_id=edition_id).order_by("position", "slug")
    for term_slug, *names in rows.values_list("slug", *fields):
        for lang, name in zip(LANGUAGE_CODES, names, strict=True):
            if name and name.strip():
                terms[lang].append(Term(term_slug, name.strip()))
    return Terms(terms, lambda lang: glossary_path(slug, lang))


def relink_all(affects=None, edition_ids=None) -> int:
    """Render every linked explanation again with the present terms; save only what changed.

    `affects(text, html)` may say which texts a change can touch (their Markdown and stored HTML),
    so that a one-term edit does not re-render the whole edition; `edition_ids` limits the work to
    some editions. Saved with `bulk_update`: the HTML is derived, so neither the version nor the
    language-change record moves. Returns the number of records updated.
    """
    editions = Edition.objects.all() if edition_ids is None else Edition.objects.filter(pk__in=edition_ids)
    updated = 0
    for edition_id in editions.values_list("pk", flat=True):
        terms = linkable_terms(edition_id)
        for model, edition_path in LINKED_MODELS.items():
            pairs = [(source, model.markdown_fields[source]) for source in model.glossary_linked]
            sources = [f"{s}_{lang}" for s, _t in pairs for lang in LANGUAGE_CODES]
            targets = [f"{t}_{lang}" for _s, t in pairs for lang in LANGUAGE_CODES]
            changed = []
            records = model.objects.filter(**{edition_path: edition_id}).only("pk", *sources, *targets)
            for obj in records.iterator(chunk_size=500):
                dirty = False
                for source, target in pairs:
                    for lang in LANGUAGE_CODES:
                        text, stored = text_in(obj, source, lang), text_in(obj, target, lang)
                        if affects is not None and not affects(text, stored):
                            continue
                        rendered = render_markdown(text, terms.get(lang), terms.path(lang))
                        if rendered != stored:
                            setattr(obj, f"{target}_{lang}", rendered)
                            dirty = True
                if dirty:
                    changed.append(obj)
            if changed:
                model.objects.bulk_update(changed, targets, batch_size=200)
                updated += len(changed)
    return updated


def term_keys(slug: str, names) -> tuple[set[str], set[str]]:
    return {slug}, {" ".join(n.split()).casefold() for n in names if n and n.strip()}


def relink_for(slugs: set[str], names: set[str], edition_ids) -> int:
    """Re-link the explanations that mention one of `names` or hold a link to one of `slugs`."""
    markers = [f'data-term="{html.escape(slug)}"' for slug in slugs]

    def affects(text, stored):
        if any(marker in stored for marker in markers):
            return True
        folded = " ".join(text.split()).casefold()
        return any(name in folded for name in names)

    return relink_all(affects, edition_ids)


def names_of(term: GlossaryTerm) -> list[str]:
    return [text_in(term, "name", lang) for lang in LANGUAGE_CODES]


def remember_previous_names(sender, instance, **kwargs):
    """pre_save: keep the slug and names as stored, so links made under the old names are redone."""
    if in_bulk_change() or instance.pk is None:
        return
    fields = ["edition_id", "slug", *[f"name_{lang}" for lang in LANGUAGE_CODES]]
    instance._previous_link_keys = GlossaryTerm.objects.filter(pk=instance.pk).values_list(*fields).first()


def relink_after_save(sender, instance, **kwargs):
    if in_bulk_change():
        return
    slugs, names = term_keys(instance.slug, names_of(instance))
    editions = {instance.edition_id}
    previous = getattr(instance, "_previous_link_keys", None)
    if previous:
        old_slugs, old_names = term_keys(previous[1], previous[2:])
        slugs |= old_slugs
        names |= old_names
        editions.add(previous[0])
    relink_for(slugs, names, editions)


def relink_after_delete(sender, instance, **kwargs):
    if in_bulk_change():
        return
    relink_for(*term_keys(instance.slug, names_of(instance)), {instance.edition_id})


def connect_signals():
    from django.db.models.signals import post_delete, post_save, pre_save

    pre_save.connect(remember_previous_names, sender=GlossaryTerm, dispatch_uid="glossary_remember_names")
    post_save.connect(relink_after_save, sender=GlossaryTerm, dispatch_uid="glossary_relink_save")
    post_delete.connect(relink_after_delete, sender=GlossaryTerm, dispatch_uid="glossary_relink_delete")


# --------------------------------------------------------------------------- the glossary page


def glossary_entries(edition: Edition, lang: str) -> tuple[list[dict], int]:
    """The edition's terms named in `lang`, alphabetically, each with its names in the other languages.

    Returns the entries and how many terms have no name in `lang` yet.
    """
    from django.conf import settings

    language_names = dict(settings.LANGUAGES)
    entries, missing = [], 0
    elsewhere = other_editions_definitions(edition, lang)
    for term in edition.terms.select_related("article__edition"):
        name = text_in(term, "name", lang).strip()
        if not name:
            missing += 1
            continue
        others = [
            {"code": code, "language": language_names[code], "name": text_in(term, "name", code).strip()}
            for code in LANGUAGE_CODES
            if code != lang and text_in(term, "name", code).strip()
        ]
        entries.append(
            {
                "term": term,
                "slug": term.slug,
                "name": name,
                "definition_html": text_in(term, "definition_html", lang),
                "other_names": others,
                "also_called": term.also_called_in(lang),
                "elsewhere": [
                    other
                    for other in elsewhere.get(term.slug, [])
                    if html_to_text(other["definition_html"]) != html_to_text(text_in(term, "definition_html", lang))
                ],
            }
        )
    entries.sort(key=lambda entry: sort_key(entry["name"]))
    return entries, missing


def letters(entries: list[dict]) -> list[dict]:
    """The first letters of the terms, in order, each with the first term it starts (A–Z links)."""
    found: dict[str, str] = {}
    for entry in entries:
        letter = entry["name"].strip()[:1].upper()
        if letter and letter not in found:
            found[letter] = entry["slug"]
    return [{"letter": letter, "slug": slug} for letter, slug in found.items()]


def other_editions_definitions(edition: Edition, lang: str) -> dict[str, list[dict]]:
    """{slug: [{edition, name, definition_html}]}: how the other editions define the same terms."""
    found: dict[str, list[dict]] = {}
    others = GlossaryTerm.objects.exclude(edition=edition).select_related("edition", "article__edition")
    for term in others.order_by("edition__position"):
        definition = text_in(term, "definition_html", lang)
        if definition:
            found.setdefault(term.slug, []).append(
                {"edition": term.edition, "name": text_in(term, "name", lang).strip(), "definition_html": definition}
            )
    return found


def popup_terms(edition: Edition, lang: str) -> dict[str, dict]:
    """{slug: {name, definition, url}} for the pop-up: plain text, set with textContent in site.js."""
    terms = {}
    page = glossary_path(edition.slug, lang)
    for term in edition.terms.all():
        name = text_in(term, "name", lang).strip()
        if name:
            terms[term.slug] = {
                "name": name,
                "definition": html_to_text(text_in(term, "definition_html", lang)),
                "url": f"{page}#{term.slug}",
            }
    return terms
