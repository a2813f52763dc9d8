"""The safe load: never silently overwrite edits made in the admin since the last load."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .export import database_hash, export_files
from .parse import parse_tree
from .write import apply_tree


@dataclass
class LoadResult:
    action: str  # "loaded", "up-to-date", "kept-database", "checked"
    message: str


class LoadConflict(Exception):
    pass


def load(root: Path | None = None, check_only: bool = False, force: bool = False) -> LoadResult:
    """Load content files unless that would overwrite edits made in the admin since the last load."""
    from law.models import ContentLoad

    tree = parse_tree(root)
    if check_only:
        return LoadResult("checked", f"{len(tree.files)} files are valid.")
    files_hash = tree.files_hash()
    with transaction.atomic():
        last = ContentLoad.objects.select_for_update().first()
        db_files = export_files()  # once: it is the slowest step of a load that changes nothing
        db_hash = database_hash(db_files)
        db_empty = not db_files
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
    from law.models import ContentLoad

    ContentLoad.objects.create(files_hash=parse_tree(root).files_hash(), db_hash=database_hash())
