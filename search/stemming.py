"""Word stems, so that a search finds a word in any of its forms ("системы" finds "система",
"libraries" finds "library", "жүйелердің" finds "жүйесі").

Each indexed text is stemmed in its own language (SearchEntry.stemmed_text); a query word is
stemmed in each language and matches an entry when its stem in the entry's language is one of the
entry's stems. Russian and English use the Snowball stemmers (snowballstemmer); Kazakh, which
Snowball lacks, strips the common endings of nouns: plural, possessive and case, in the folded
spelling (folding.py: қ→к, ң→н, і→и, …), as many as three in a row ("жуйелердин" → "жуйелер" →
"жуйе"). Words are folded before they are stemmed, in the index and in the query alike.

After changing a rule here, run `manage.py rebuild_search_index`: stems are stored.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from .folding import WORD_RE, fold

MIN_STEM = 3  # a stem shorter than this would match too much; the word is then its own stem
# A Kazakh stem keeps three letters at least: two would join unrelated words ("жаңа" new and "және"
# and would both be "жа"). The two-letter roots the law's texts need are listed.
KAZAKH_SHORT_ROOTS = {"ие"}  # owner: иесі, иелері
SNOWBALL = {"ru": "russian", "en": "english"}

# Kazakh noun endings, folded, each with what replaces it (usually nothing); the longest that fits
# is stripped first. One-letter endings (а, е, ы, і, н) are left alone: too many stems end in those
# letters ("пайдаланушы", "жасанды"), and the longer endings cover the forms people type. A final
# қ or п turns voiced before a possessive vowel (құқық → құқығы, кітап → кітабы): that ending gives
# the dictionary spelling back.
KAZAKH_ENDINGS = dict(
    sorted(
        {
            # plural, and plural + possessive
            **dict.fromkeys(
                ("лар", "лер", "дар", "дер", "тар", "тер", "лары", "лери", "дары", "дери", "тары", "тери"), ""
            ),
            # possessive (third person), alone and before a case ending
            **dict.fromkeys(("сы", "си", "сын", "син", "ын", "ин"), ""),
            "гы": "к",
            "ги": "к",
            "гын": "к",
            "гин": "к",
            "бы": "п",
            "би": "п",
            "бын": "п",
            "бин": "п",
            # genitive, dative, accusative
            **dict.fromkeys(("нын", "нин", "дын", "дин", "тын", "тин", "га", "ге", "ка", "ке", "на", "не"), ""),
            **dict.fromkeys(("ны", "ни", "ды", "ди", "ты", "ти"), ""),
            # locative, ablative, instrumental
            **dict.fromkeys(("да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен"), ""),
            **dict.fromkeys(("ндан", "нден", "мен", "бен", "пен"), ""),
        }.items(),
        key=lambda item: len(item[0]),
        reverse=True,
    )
)


def kazakh_stem(word: str) -> str:
    for _round in range(3):
        for ending, replacement in KAZAKH_ENDINGS.items():
            rest = len(word) - len(ending)
            if word.endswith(ending) and (rest >= MIN_STEM or word[:rest] + replacement in KAZAKH_SHORT_ROOTS):
                word = word[:rest] + replacement
                break
        else:
            break
    return word


@lru_cache(maxsize=1 << 15)  # the site's word forms in three languages: every snippet asks again
def stem(word: str, lang: str) -> str:
    """The stem of a folded word in `lang`; the word itself when it is short or has no ending."""
    if lang == "kk":
        return kazakh_stem(word)
    found = snowballstemmer.stemmer(SNOWBALL[lang]).stemWord(word) if lang in SNOWBALL else word
    return found if len(found) >= MIN_STEM else word


def stem_form(text: str, lang: str) -> str:
    """`text` as its stems, each after a space, one space at the end (as folding.index_form)."""
    return " " + "".join(stem(word, lang) + " " for word in WORD_RE.findall(fold(text)))
