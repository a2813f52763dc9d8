"""The folders of content/ besides the act's articles and the pages, and what reads and writes each.

Each handler has parse, apply and export (see content_io.parse): an edition's sub-folders
(`EDITION_FOLDERS`: its glossary, its question flow) and the top-level ones (`EXTRA_FOLDERS`: the
concordance between editions, the everyday words for search). A new kind of content is added here, in one place.
"""

from .concordance import FOLDER as CONCORDANCE_FOLDER
from .concordance import ConcordanceFolder
from .flow import FlowFolder
from .glossary import GlossaryFolder
from .search_words import FOLDER as SEARCH_WORDS_FOLDER
from .search_words import SearchWordsFolder

EDITION_FOLDERS = {"glossary": GlossaryFolder(), "check": FlowFolder()}
EXTRA_FOLDERS = {CONCORDANCE_FOLDER: ConcordanceFolder(), SEARCH_WORDS_FOLDER: SearchWordsFolder()}
