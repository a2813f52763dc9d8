"""Reading `content/` into the database and writing the database back to `content/`.

Layout (every folder holds `meta.toml` for structure and `kk.toml`, `ru.toml`, `en.toml` for words):

    content/ai-law/                      the act
    content/ai-law/<edition>/            an edition, its chapters
    content/ai-law/<edition>/article-<n>/  an article, its paragraphs, its rights and duties
    content/ai-law/<edition>/glossary/   the edition's glossary terms
    content/pages/<slug>/                free-standing pages (home, committee)
    content/ai-law/<edition>/check/      the edition's question flow (content_io.flow)
    content/concordance/<a>--<b>/        which article became which (content_io.concordance)
    content/official/                    the official texts, loaded by official's importer, not here

Modules: `schema` (the fields of each file), `reader` (TOML with file:line errors), `parse`
(content/ → Tree, no database), `write` (Tree → database), `export` (database → files), `load`
(the safe load), and the folders besides articles: `folders` (glossary, flow, concordance).

`parse_tree` reads and validates everything without touching the database; `apply_tree` writes it
in one transaction; `export_files` renders the database back to exactly the files `parse_tree`
reads, so load → export reproduces canonical files byte for byte.
"""

from .export import database_hash, export_files, toml_text, write_files
from .load import LoadConflict, LoadResult, load, record_sync
from .parse import ACT_SLUG, Tree, parse_tree
from .reader import ContentError, ContentErrors, Reader, SourceFile
from .write import apply_tree

__all__ = [
    "ACT_SLUG",
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
    "toml_text",
    "write_files",
]
