"""Reading content files: TOML with errors that name the file and line, collected in one pass."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from editorial.languages import LANGUAGE_CODES

from .schema import Field, default_for, type_name

LANG_FILES = {f"{lang}.toml" for lang in LANGUAGE_CODES}


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
            if f.choices and isinstance(value, list):
                for item in value:
                    if item not in f.choices:
                        allowed = ", ".join(f.choices)
                        self.error(source, f"'{f.name}' lists '{item}'; allowed: {allowed}", *table, f.name)
            elif f.choices and not isinstance(value, bool) and value not in f.choices:
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


def hash_files(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()


def read_lang_files(reader: Reader, folder: Path, fields: list[Field]) -> dict[str, tuple[SourceFile, dict]]:
    texts = {}
    for lang in LANGUAGE_CODES:
        source = reader.read(folder / f"{lang}.toml")
        if source is not None:
            texts[lang] = (source, reader.check_fields(source, source.data, fields))
    return texts


def check_folder_files(reader: Reader, folder: Path, allowed: set[str]) -> None:
    for item in sorted(folder.iterdir()):
        if item.is_file() and item.name not in allowed:
            reader.error(item, f"unexpected file (allowed here: {', '.join(sorted(allowed))})")
