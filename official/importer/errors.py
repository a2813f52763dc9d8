"""The one error the importer raises: what is wrong with a file, and where, in the editor's language."""

from __future__ import annotations


class OfficialTextError(Exception):
    """A file that cannot be imported: the first problem, with its line (None: the file as a whole)."""

    def __init__(self, line: int | None, reason: str):
        self.line, self.reason = line, str(reason)
        super().__init__(self.reason if line is None else f"line {line}: {self.reason}")
