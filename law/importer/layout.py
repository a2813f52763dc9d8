"""How Adilet lays out a law's official text, per language: the patterns the reader recognises."""

import re

NBSP_AND_FRIENDS = "\u00a0\u2007\u202f\ufeff"

HEADINGS = {
    "kk": {
        "chapter": re.compile(r"^(?P<number>\d+(?:-\d+)?)-тарау\.?\s*(?P<title>.*)$", re.IGNORECASE),
        "article": re.compile(r"^(?P<number>\d+(?:-\d+)*)-бап\.?\s*(?P<title>.*)$", re.IGNORECASE),
    },
    "ru": {
        "chapter": re.compile(r"^Глава\s+(?P<number>\d+(?:-\d+)?)\.?\s*(?P<title>.*)$", re.IGNORECASE),
        "article": re.compile(r"^Статья\s+(?P<number>\d+(?:-\d+)*)\.?\s*(?P<title>.*)$", re.IGNORECASE),
    },
    "en": {
        "chapter": re.compile(r"^Chapter\s+(?P<number>\d+(?:-\d+)?)\.?\s*(?P<title>.*)$", re.IGNORECASE),
        "article": re.compile(r"^Article\s+(?P<number>\d+(?:-\d+)*)\.?\s*(?P<title>.*)$", re.IGNORECASE),
    },
}
# A chapter heading and the next article heading on one line (as some compare views print them).
INLINE_ARTICLE = {
    "kk": re.compile(r"\s(?=\d+(?:-\d+)*-бап\.)"),
    "ru": re.compile(r"\s(?=Статья\s+\d+(?:-\d+)*\.)"),
    "en": re.compile(r"\s(?=Article\s+\d+(?:-\d+)*\.)"),
}
PARAGRAPH = re.compile(r"^(?P<number>\d+(?:-\d+)?)\.\s+(?P<text>\S.*)$")
SUBPARAGRAPH = re.compile(r"^(?P<number>\d+(?:-\d+)?)\)\s*(?P<text>\S.*)$")

# The database's editorial notes and notices: kept, shown apart, never taken for law.
NOTE_STARTS = re.compile(
    r"^(Примечание\s+(ИЗПИ|РЦПИ)!|Сноска\.|ЗҚАИ-ның\s+ескертпесі!|Ескерту\.|Footnote\.|"
    r"Вниманию\s+пользователей!|Қолданушылар\s+назарына!|Note\s+of\s+the\s+RCLI!|Note!)",
    re.IGNORECASE,
)
TOC_STARTS = re.compile(r"^(ОГЛАВЛЕНИЕ|МАЗМҰНЫ|TABLE\s+OF\s+CONTENTS|CONTENTS)\s*$", re.IGNORECASE)
UNOFFICIAL = re.compile(r"^(Unofficial\s+translation|Неофициальный\s+перевод|Ресми\s+емес\s+аударма)\.?\s*$", re.I)
SIGNATURE_STARTS = re.compile(
    r"^(Президент(і)?\b|Қазақстан\s+Республикасының\s*$|(The\s+)?President\b)",
    re.IGNORECASE,
)
