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

# The date in the act's own title line, before Article 1: the day it was signed.
# ru «Закон Республики Казахстан от 17 ноября 2025 года № 230-VIII ЗРК»; kk «Қазақстан Республикасының
# 2025 жылғы 17 қарашадағы № 230-VIII ҚРЗ Заңы»; en «The Law of the Republic of Kazakhstan dated
# 17 November 2025 No. 230-VIII».
MONTHS = {
    "ru": [
        *("января", "февраля", "марта", "апреля", "мая", "июня"),
        *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
    ],
    "kk": [
        *("қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы"),
        *("шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"),
    ],
    "en": [
        *("january", "february", "march", "april", "may", "june"),
        *("july", "august", "september", "october", "november", "december"),
    ],
}
# Tried in order; the English title may put the month first («dated November 17, 2025»).
SIGNED_ON = {
    "ru": [re.compile(r"\bот\s+(?P<day>\d{1,2})\s+(?P<month>[а-яё]+)\s+(?P<year>(?:19|20)\d{2})\s*(?:года|г\.)", re.I)],
    "kk": [re.compile(r"(?P<year>(?:19|20)\d{2})\s+жылғы\s+(?P<day>\d{1,2})\s+(?P<month>[а-яёәғқңөұүһі]+)", re.I)],
    "en": [
        re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[a-z]+),?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
        re.compile(r"\b(?P<month>[a-z]+)\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    ],
}

# The database's editorial notes and notices: kept, shown apart, never taken for law.
NOTE_STARTS = re.compile(
    r"^(Примечание\s+(ИЗПИ|РЦПИ)!|Сноска\.|ЗҚАИ-ның\s+ескертпесі!|Ескерту\.|Footnote\.|"
    r"Вниманию\s+пользователей!|Қолданушылар\s+назарына!|Note\s+of\s+the\s+RCLI!|Note!)",
    re.IGNORECASE,
)
# A note is one line on Adilet's page; a plain text may wrap it. It is over when a line ends its
# last sentence (a full stop or a closing bracket); a heading alone ("Примечание ИЗПИ!") or a line
# cut in mid-sentence goes on. The next line that is not a note's is the law's again, even when it
# has no number (an article of one paragraph). A line opening with a bracket still belongs to the
# note ("(вводится в действие с …)").
NOTE_ENDS = re.compile(r"[.)][»”\"']*$")
NOTE_GOES_ON = re.compile(r"^\(")
TOC_STARTS = re.compile(r"^(ОГЛАВЛЕНИЕ|МАЗМҰНЫ|TABLE\s+OF\s+CONTENTS|CONTENTS)\s*$", re.IGNORECASE)
UNOFFICIAL = re.compile(r"^(Unofficial\s+translation|Неофициальный\s+перевод|Ресми\s+емес\s+аударма)\.?\s*$", re.I)
# The legal database's own page footer under every text it serves («© 2012. РГП на ПХВ «Институт
# законодательства…»): the site's, not the law's.
SITE_FOOTER = re.compile(r"^©\s*\d{4}\b")
SIGNATURE_STARTS = re.compile(
    r"^(Президент(і)?\b|Қазақстан\s+Республикасының\s*$|(The\s+)?President\b)",
    re.IGNORECASE,
)

# Adilet's document page: the law's text is the <article> inside the text container, apart from
# the site's menus and headers. Tried in order; exactly one match is required. If Adilet changes
# its layout, the import stops with a clear error rather than reading the menus as law.
ADILET_TEXT_CONTAINERS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' container_gamma ')"
    " and contains(concat(' ', normalize-space(@class), ' '), ' text ')]//article",
)
HTML_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure"),
        *("footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
HTML_SKIPPED = frozenset(
    {"button", "form", "head", "iframe", "noscript", "object", "script", "select", "style", "svg", "template"}
)
