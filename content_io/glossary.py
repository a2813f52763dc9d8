"""An edition's glossary: content/ai-law/<edition>/glossary/ ⇄ that edition's GlossaryTerm records.

meta.toml lists the terms (`slug`, and `article`: the number of the article of this edition that
defines the term); kk.toml, ru.toml, en.toml give each term's name, definition, and the other names
people use for it (`also_called`, a list: search finds the term by them). Editions may define the
same term differently, so each has its own.
"""

from __future__ import annotations

from pathlib import Path

from editorial.languages import LANGUAGE_CODES, text_in

from .export import drop_empty, toml_text
from .parse import EditionData
from .reader import LANG_FILES, Reader, check_folder_files, read_lang_files
from .schema import GLOSSARY_LANG, GLOSSARY_META, SLUG_RE, TERM_LANG, TERM_META
from .write import lang_values


class GlossaryFolder:
    def parse(self, reader: Reader, folder: Path, edition: EditionData):
        check_folder_files(reader, folder, {"meta.toml"} | LANG_FILES)
        meta_src = reader.read(folder / "meta.toml")
        if meta_src is None:
            return None
        meta = reader.check_fields(meta_src, meta_src.data, GLOSSARY_META)
        numbers = {a.number for a in edition.articles}
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
            if term["article"] and term["article"] not in numbers:
                reason = (
                    f"article '{term['article']}' is not an article of {edition.slug} (write its number, e.g. '15')"
                )
                reader.error(meta_src, reason, "terms", "article")
            slugs.add(term["slug"])
            terms.append(term)
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
                    names = cleaned[slug]["also_called"]
                    if not all(isinstance(n, str) and n.strip() and "\n" not in n for n in names):
                        reader.error(source, "also_called must list names, each on one line", "terms", slug)
                    cleaned[slug]["also_called"] = "\n".join(n.strip() for n in names if isinstance(n, str))
            texts[lang] = cleaned
        return {"terms": terms, "texts": texts}

    def apply(self, edition, data) -> None:
        from law.models import GlossaryTerm

        terms = data["terms"] if data else []
        articles = {a.number: a for a in edition.articles.all()}
        for position, term in enumerate(terms):
            defaults = {"position": position, "article": articles.get(term["article"])}
            for name in ("name", "definition", "also_called"):
                defaults.update(
                    lang_values(data["texts"], name, lambda t, s=term["slug"], n=name: t.get(s, {}).get(n, ""))
                )
            GlossaryTerm.objects.update_or_create(edition=edition, slug=term["slug"], defaults=defaults)
        GlossaryTerm.objects.filter(edition=edition).exclude(slug__in=[t["slug"] for t in terms]).delete()

    def export(self, edition) -> dict[str, str]:
        terms = list(edition.terms.select_related("article"))
        if not terms:
            return {}
        listed = [
            drop_empty({"slug": t.slug, "article": t.article.number if t.article else ""}, keep=("slug",))
            for t in terms
        ]
        files = {"meta.toml": toml_text({"terms": listed})}
        for lang in LANGUAGE_CODES:
            words = {
                t.slug: drop_empty(
                    {
                        "name": text_in(t, "name", lang),
                        "definition": text_in(t, "definition", lang),
                        "also_called": t.also_called_in(lang),
                    },
                    keep=("name", "definition"),
                )
                for t in terms
            }
            files[f"{lang}.toml"] = toml_text({"terms": words})
        return files
