"""content/checker/<lang>.toml ⇄ FlowText records (plugged into law.content's load and export)."""

from pathlib import Path

from editorial.languages import LANGUAGE_CODES as LANGS
from law.content import Reader, toml_text

from .flow import text_keys


def flatten(table: dict, prefix: str = "") -> dict[str, object]:
    flat = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{full}."))
        else:
            flat[full] = value
    return flat


def nest(flat: dict[str, str]) -> dict:
    tree: dict = {}
    for key, value in flat.items():
        node = tree
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return tree


class FlowTextFolder:
    folder = "checker"

    def parse(self, reader: Reader, folder: Path) -> dict[str, dict[str, str]]:
        """{lang: {key: text}}; unknown keys and non-text values are errors with their line."""
        known = set(text_keys())
        texts = {}
        if not folder.is_dir():
            reader.error(folder, "folder is missing (the question flow's words)")
            return texts
        for item in sorted(folder.iterdir()):
            if item.name not in {f"{lang}.toml" for lang in LANGS}:
                reader.error(item, "unexpected file (allowed here: kk.toml, ru.toml, en.toml)")
        for lang in LANGS:
            source = reader.read(folder / f"{lang}.toml")
            if source is None:
                continue
            values = {}
            for key, value in flatten(source.data).items():
                parts = key.split(".")
                if key not in known:
                    reader.error(source, f"unknown key '{key}'", *parts)
                elif not isinstance(value, str):
                    reader.error(source, f"'{key}' must be text", *parts)
                else:
                    values[key] = value.strip()
            texts[lang] = values
        return texts

    def apply(self, texts: dict[str, dict[str, str]]) -> None:
        from .models import FlowText

        keys = text_keys()
        for key in keys:
            values = {f"text_{lang}": texts.get(lang, {}).get(key, "") for lang in LANGS}
            FlowText.objects.update_or_create(key=key, defaults=values)
        FlowText.objects.exclude(key__in=keys).delete()

    def export(self) -> dict[str, str]:
        from .models import FlowText

        stored = {t.key: t for t in FlowText.objects.all()}
        if not stored:
            return {}
        files = {}
        for lang in LANGS:
            flat = {key: getattr(stored[key], f"text_{lang}") if key in stored else "" for key in text_keys()}
            files[f"checker/{lang}.toml"] = toml_text(nest(flat))
        return files
