"""Reading `content/` into the database and writing the database back to `content/`.

Layout (every folder holds `meta.toml` for structure and `kk.toml`, `ru.toml`, `en.toml` for words):

    content/ai-law/                      the act
    content/ai-law/<edition>/            an edition, its chapters
    content/ai-law/<edition>/article-<n>/  an article, its paragraphs, its rights and duties
    content/ai-law/<edition>/glossary/   the edition's glossary terms
    content/pages/<slug>/                free-standing pages (home, committee)
    content/checker/                     words of the question flow (see checker.flow)

Modules: `schema` (the fields of each file), `reader` (TOML with file:line errors), `parse`
(content/ → Tree, no database), `write` (Tree → database), `export` (database → files), `load`
(the safe load).

`parse_tree` reads and validates everything without touching the database; `apply_tree` writes it
in one transaction; `export_files` renders the database back to exactly the files `parse_tree`
reads, so load → export reproduces canonical files byte for byte.
"""

from . import glossary  # noqa: E402, F401  (registers the edition glossary folder; imports the modules above)
from .export import database_hash, export_files, toml_text, write_files
from .load import LoadConflict, LoadResult, load, record_sync
from .parse import ACT_SLUG, EDITION_FOLDERS, EXTRA_FOLDERS, Tree, parse_tree, register_edition_folder, register_folder
from .reader import ContentError, ContentErrors, Reader, SourceFile
from .write import apply_tree

__all__ = [
    "ACT_SLUG",
    "EDITION_FOLDERS",
    "EXTRA_FOLDERS",
    "ContentError",
    "ContentErrors",
    "LoadConflict",
    "LoadResult",
    "Reader",
    "SourceFile",
    "Tree",
    "apply_tree",
    "database_hash",
    "export_files",
    "load",
    "parse_tree",
    "record_sync",
    "register_edition_folder",
    "register_folder",
    "toml_text",
    "write_files",
]
