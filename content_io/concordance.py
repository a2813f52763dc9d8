"""The concordances as content: content/concordance/<earlier>--<later>/ ⇄ Correspondence records.

    meta.toml               earlier = "draft-2025", later = "law-230-viii", then one [[rows]] entry per
                            row: key, earlier = ["18"], later = ["17"] (article numbers of each edition)
    kk.toml ru.toml en.toml [notes] <key> = "what changed, in plain words"

A row with `earlier = []` is an article new in the later edition; `later = []`, one that was dropped.
"""

from __future__ import annotations

from pathlib import Path

from editorial.languages import LANGUAGE_CODES, text_in

from .export import toml_text
from .parse import ACT_SLUG
from .reader import Reader
from .schema import SLUG_RE, Field

FOLDER = "concordance"
META = [Field("earlier", str, required=True), Field("later", str, required=True), Field("rows", list, required=True)]
ROW = [Field("key", str, required=True), Field("earlier", list), Field("later", list)]
WORDS = [Field("notes", dict)]


def article_numbers(root: Path, edition: str) -> set[str] | None:
    """The article numbers of an edition's content folder (None when there is no such edition)."""
    folder = root / ACT_SLUG / edition
    if not folder.is_dir():
        return None
    return {p.name.removeprefix("article-") for p in folder.iterdir() if p.is_dir() and p.name.startswith("article-")}


class ConcordanceFolder:
    def parse(self, reader: Reader, folder: Path):
        if not folder.is_dir():
            return []
        pairs = []
        for pair_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            pair = self.parse_pair(reader, pair_dir)
            if pair:
                pairs.append(pair)
        for item in sorted(p for p in folder.iterdir() if p.is_file() and p.name != "README.md"):
            reader.error(item, "unexpected file (each concordance is a folder <earlier>--<later>/)")
        return pairs

    def parse_pair(self, reader: Reader, folder: Path):
        allowed = {"meta.toml", *(f"{lang}.toml" for lang in LANGUAGE_CODES)}
        for item in sorted(folder.iterdir()):
            if item.name not in allowed:
                reader.error(item, f"unexpected file (allowed here: {', '.join(sorted(allowed))})")
        source = reader.read(folder / "meta.toml")
        if source is None:
            return None
        meta = reader.check_fields(source, source.data, META)
        if folder.name != f"{meta['earlier']}--{meta['later']}":
            reader.error(source, f"the folder must be named {meta['earlier']}--{meta['later']}")
        numbers = {}
        for side in ("earlier", "later"):
            numbers[side] = article_numbers(reader.root, meta[side])
            if numbers[side] is None:
                reader.error(source, f"'{meta[side]}' is not an edition in content/{ACT_SLUG}/", side)
        rows, keys = [], set()
        for raw in meta["rows"]:
            if not isinstance(raw, dict):
                reader.error(source, "each [[rows]] entry must be a table", "rows")
                continue
            row = reader.check_fields(source, raw, ROW, "rows")
            if not SLUG_RE.match(row["key"]) or row["key"] in keys:
                reader.error(source, f"row key '{row['key']}' must be a slug used once", "rows", "key")
            keys.add(row["key"])
            if not row["earlier"] and not row["later"]:
                reader.error(source, f"row '{row['key']}' names no article on either side", "rows")
            for side in ("earlier", "later"):
                known = numbers[side] or set()
                for number in row[side]:
                    if numbers[side] is not None and number not in known:
                        reason = f"row '{row['key']}': '{number}' is not an article of {meta[side]}"
                        reader.error(source, reason, "rows", side)
            rows.append(row)
        notes = {}
        for lang in LANGUAGE_CODES:
            words = reader.read(folder / f"{lang}.toml")
            if words is None:
                continue
            clean = reader.check_fields(words, words.data, WORDS)
            for key, value in clean["notes"].items():
                if key not in keys:
                    reader.error(words, f"note '{key}' is not a row of meta.toml", "notes", key)
                elif not isinstance(value, str):
                    reader.error(words, f"note '{key}' must be text", "notes", key)
            notes[lang] = {k: v.strip() for k, v in clean["notes"].items() if isinstance(v, str)}
        return {"earlier": meta["earlier"], "later": meta["later"], "rows": rows, "notes": notes}

    def apply(self, pairs) -> None:
        from concordance.models import Correspondence
        from law.models import Edition

        kept = []
        for pair in pairs:
            earlier = Edition.objects.get(slug=pair["earlier"])
            later = Edition.objects.get(slug=pair["later"])
            articles = {
                side: {a.number: a for a in edition.articles.all()}
                for side, edition in (("earlier", earlier), ("later", later))
            }
            for position, row in enumerate(pair["rows"]):
                defaults = {"position": position}
                for lang in LANGUAGE_CODES:
                    defaults[f"note_{lang}"] = pair["notes"].get(lang, {}).get(row["key"], "")
                record, _created = Correspondence.objects.update_or_create(
                    earlier_edition=earlier, later_edition=later, key=row["key"], defaults=defaults
                )
                record.earlier_articles.set([articles["earlier"][n] for n in row["earlier"]])
                record.later_articles.set([articles["later"][n] for n in row["later"]])
                kept.append(record.pk)
        Correspondence.objects.exclude(pk__in=kept).delete()

    def export(self) -> dict[str, str]:
        from concordance.models import Correspondence

        files = {}
        rows = Correspondence.objects.select_related("earlier_edition", "later_edition").prefetch_related(
            "earlier_articles", "later_articles"
        )
        pairs: dict[tuple, list] = {}
        for row in rows:
            pairs.setdefault((row.earlier_edition.slug, row.later_edition.slug), []).append(row)
        for (earlier, later), records in pairs.items():
            base = f"{FOLDER}/{earlier}--{later}"
            listed = [
                {
                    "key": r.key,
                    "earlier": numbers_of(r.earlier_articles.all()),
                    "later": numbers_of(r.later_articles.all()),
                }
                for r in records
            ]
            files[f"{base}/meta.toml"] = toml_text({"earlier": earlier, "later": later, "rows": listed})
            for lang in LANGUAGE_CODES:
                notes = {r.key: text_in(r, "note", lang) for r in records}
                files[f"{base}/{lang}.toml"] = toml_text({"notes": notes})
        return files


def numbers_of(articles) -> list[str]:
    return [a.number for a in sorted(articles, key=lambda a: a.position)]
