"""The everyday words for search as content: content/search-words/ ⇄ EverydayWord records.

    meta.toml               words = ["labelling", "deepfake", …]: each idea's key, in order
    kk.toml ru.toml en.toml [words.<key>] typed = ["маркировка", …]: the words people type;
                            finds = ["маркировать", …]: the law's words they mean (search.synonyms)

A key with no table in a language has no words in it (the admin lists it as missing there).
"""

from __future__ import annotations

from pathlib import Path

from editorial.languages import LANGUAGE_CODES

from .export import toml_text
from .reader import LANG_FILES, Reader, check_folder_files, read_lang_files
from .schema import SLUG_RE, Field

FOLDER = "search-words"
META = [Field("words", list, required=True)]
WORDS = [Field("words", dict)]
ENTRY = [Field("typed", list), Field("finds", list)]


def clean_lines(reader: Reader, source, values: list, *where: str) -> str:
    """A list of words or phrases as the record keeps it: one per line."""
    if not all(isinstance(v, str) and v.strip() and "\n" not in v for v in values):
        reader.error(source, "list words or phrases, each a non-empty text on one line", *where)
    return "\n".join(v.strip() for v in values if isinstance(v, str) and v.strip())


class SearchWordsFolder:
    def parse(self, reader: Reader, folder: Path):
        if not folder.is_dir():
            return None
        check_folder_files(reader, folder, {"meta.toml"} | LANG_FILES)
        source = reader.read(folder / "meta.toml")
        if source is None:
            return None
        keys = reader.check_fields(source, source.data, META)["words"]
        for key in keys:
            if not isinstance(key, str) or not SLUG_RE.match(key):
                reader.error(source, f"'{key}' must be a key like 'labelling'", "words")
        if len(set(map(str, keys))) != len(keys):
            reader.error(source, "a key is listed twice", "words")
        texts = {}
        for lang, (words, clean) in read_lang_files(reader, folder, WORDS).items():
            texts[lang] = {}
            for key, table in clean["words"].items():
                if key not in keys:
                    reader.error(words, f"'{key}' is not listed in meta.toml", "words", key)
                elif not isinstance(table, dict):
                    reader.error(words, f"[words.{key}] must be a table", "words", key)
                else:
                    entry = reader.check_fields(words, table, ENTRY, "words", key)
                    texts[lang][key] = {name: clean_lines(reader, words, entry[name], "words", key) for name in entry}
        return {"keys": [k for k in keys if isinstance(k, str)], "texts": texts}

    def apply(self, data) -> None:
        from law.models import EverydayWord

        keys = data["keys"] if data else []
        for position, key in enumerate(keys):
            defaults = {"position": position}
            for lang in LANGUAGE_CODES:
                entry = data["texts"].get(lang, {}).get(key, {})
                defaults[f"typed_{lang}"] = entry.get("typed", "")
                defaults[f"finds_{lang}"] = entry.get("finds", "")
            EverydayWord.objects.update_or_create(key=key, defaults=defaults)
        EverydayWord.objects.exclude(key__in=keys).delete()

    def export(self) -> dict[str, str]:
        from law.models import EverydayWord

        words = list(EverydayWord.objects.all())
        if not words:
            return {}
        files = {f"{FOLDER}/meta.toml": toml_text({"words": [w.key for w in words]})}
        for lang in LANGUAGE_CODES:
            tables = {}
            for word in words:
                entry = {name: word.lines(name, lang) for name in ("typed", "finds")}
                if any(entry.values()):
                    tables[word.key] = entry
            files[f"{FOLDER}/{lang}.toml"] = toml_text({"words": tables})
        return files
