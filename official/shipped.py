"""Official texts that ship with the site, in content/official/<edition>/: each file beside a small
manifest, `<lang>.toml`, that says what it is, where it comes from, the date of its text and its
SHA-256. `manage.py load_official` (run by `make setup`) imports each one through the importer,
so that a fresh clone shows the official text without reaching Adilet.

Loading is idempotent: a file whose text is already the stored text changes nothing (the stored
text is compared, not only the file's hash, so text lost since is put back). A text loaded from
elsewhere (fetched from Adilet, uploaded by an editor) is kept unless the shipped file's text is
of a later date: the shipped file is imported where its language has no text yet, where the latest
text came from this same file, or where its `text_as_of` is later than the stored text's date.
"""

from __future__ import annotations

import datetime
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from editorial.languages import LANGUAGE_CODES

from .importer import OfficialTextError, Source, apply, parse, plan, read
from .models import OfficialTextVersion
from .paths import FOLDER
from .versions import as_of, latest

FIELDS = {"file": str, "what": str, "source_url": str, "text_as_of": datetime.date, "sha256": str}


class ShippedTextError(Exception):
    pass


@dataclass
class Shipped:
    edition: str  # the edition's slug: the folder's name
    lang: str  # the manifest's name
    manifest: Path
    file: Path
    what: str
    source_url: str
    text_as_of: datetime.date
    sha256: str

    @property
    def name(self) -> str:
        """How versions name it: its path in the repository."""
        return f"content/{FOLDER}/{self.edition}/{self.file.name}"


def root() -> Path:
    return Path(settings.CONTENT_DIR) / FOLDER


def manifests(folder: Path | None = None) -> list[Shipped]:
    """Every manifest under content/official/, checked: its fields, and its file's SHA-256."""
    folder = folder or root()
    found = []
    for path in sorted(folder.glob("*/*.toml")) if folder.is_dir() else []:
        where = path.relative_to(folder.parent).as_posix()
        if path.stem not in LANGUAGE_CODES:
            raise ShippedTextError(f"{where}: a manifest is named after its language ({', '.join(LANGUAGE_CODES)})")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ShippedTextError(f"{where}: {exc}") from None
        unknown = set(data) - set(FIELDS)
        missing = [name for name, kind in FIELDS.items() if not isinstance(data.get(name), kind)]
        if unknown or missing:
            raise ShippedTextError(
                f"{where}: needs {', '.join(FIELDS)}"
                + (f"; missing or wrong: {', '.join(missing)}" if missing else "")
                + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else "")
            )
        file = path.parent / data["file"]
        if file.parent != path.parent or not file.is_file():
            raise ShippedTextError(f"{where}: its file {data['file']} is not beside it")
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        if digest != data["sha256"]:
            raise ShippedTextError(f"{where}: {data['file']} has SHA-256 {digest}, the manifest says {data['sha256']}")
        found.append(Shipped(path.parent.name, path.stem, path, file, **{k: data[k] for k in FIELDS if k != "file"}))
    return found


@transaction.atomic
def load(shipped: Shipped) -> str:
    """Import one shipped text unless that changes nothing or would replace a later text; say what
    happened, in a line for the command's output."""
    from law.models import Edition

    edition = Edition.objects.filter(slug=shipped.edition).first()
    if edition is None:
        raise ShippedTextError(f"{shipped.name}: no edition '{shipped.edition}' (load the content first)")
    previous = latest(edition, shipped.lang)
    if previous is not None and previous.source_name != shipped.name and previous.as_of >= shipped.text_as_of:
        return (
            f"{shipped.name}: kept the text as of {previous.as_of:%Y-%m-%d} loaded from "
            f"{previous.source_url or previous.source_name} on {previous.imported_at:%Y-%m-%d}"
        )
    try:
        document = read(shipped.file.read_bytes())
        law = parse(document.lines, shipped.lang)
    except OfficialTextError as exc:
        line = "" if exc.line is None else f":{exc.line}"
        raise ShippedTextError(f"{shipped.name}{line}: {exc.reason}") from None
    dated, basis = as_of(law, timezone.localdate())
    # The text's own date, where it gives one, must be the manifest's; where it gives none, the
    # manifest's is the date of the text.
    if basis != OfficialTextVersion.Basis.IMPORT and dated != shipped.text_as_of:
        raise ShippedTextError(
            f"{shipped.name}: the text is as of {dated:%Y-%m-%d}, the manifest says {shipped.text_as_of:%Y-%m-%d}"
        )
    import_plan = plan(edition, law)
    if previous is not None and not import_plan.changes:
        # The stored text is already this file's text (compared, not assumed from the file's hash:
        # text lost since is put back; a file saved again with the same text changes nothing).
        return f"{shipped.name}: already loaded ({shipped.lang}, text as of {previous.as_of:%Y-%m-%d})"
    source = Source(
        format=document.format,
        url=shipped.source_url,
        name=shipped.name,
        imported_by="content/official",
        sha256=shipped.sha256,
        stated_as_of=shipped.text_as_of,
    )
    version = apply(import_plan, source)
    return f"{shipped.name}: loaded {version.articles} articles ({shipped.lang}, text as of {version.as_of:%Y-%m-%d})"
