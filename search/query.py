"""Running a search: one SQL query on the index, then grouping, ranking and snippets in Python.

Order of results: the page's language first (other languages after, marked as such); then the
edition in force before the history; then by the best kind of match (title, glossary, summary,
note, rights and duties, official text); then in the order of the law. Entries of one article
(or one glossary term) in one language form one result with up to SNIPPETS_PER_RESULT highlighted
snippets, each linking to its paragraph (#p-<label>).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from editorial.languages import LANGUAGE_CODES as LANGS
from editorial.languages import LANGUAGE_NAMES, text_in
from law.models import Article, Edition
from law.record_names import paragraph_heading

from .folding import WHOLE_WORD_BELOW, WORD_RE, Query, fold, is_whole, needle
from .models import Kind, SearchEntry
from .stemming import stem

MAX_ENTRIES = 200  # matched entries read per search, best first
MAX_RESULTS = 50  # articles and terms shown; a visitor wanting more adds a word
SNIPPETS_PER_RESULT = 3
SNIPPET_LENGTH = 220


@dataclass
class Part:
    text: str
    mark: bool = False


@dataclass
class Snippet:
    label: str
    url: str
    parts: list[Part]


@dataclass
class Result:
    lang: str
    language: str
    url: str
    number: str = ""  # article number; empty for a glossary term
    edition: str = ""
    title: list[Part] = field(default_factory=list)
    snippets: list[Snippet] = field(default_factory=list)
    is_glossary: bool = False
    is_question: bool = False  # a question of an edition's flow


@dataclass
class Results:
    same_language: list[Result]
    other_languages: list[Result]
    truncated: bool  # more matched than is shown

    @property
    def count(self) -> int:
        return len(self.same_language) + len(self.other_languages)


def matched_words(text: str, words: list[str], lang: str) -> list[tuple[int, int]]:
    """Where the words of `text` that a query word finds are: whole words, each (start, end).

    A query word finds a word that starts with it (an abbreviation, or a short Latin word: only
    itself, folding.is_whole), or a word with the same stem in `lang` (stemming.py): the rules of the index.
    """
    stems = {stem(word, lang) for word in words if len(word) >= WHOLE_WORD_BELOW}
    spans = []
    for token in WORD_RE.finditer(fold(text)):
        found = token.group()
        if any(found == word if is_whole(word) else found.startswith(word) for word in words) or (
            len(found) >= WHOLE_WORD_BELOW and stem(found, lang) in stems
        ):
            spans.append(token.span())
    return spans


def highlight(text: str, words: list[str], lang: str) -> list[Part]:
    """`text` cut into parts, the words a query word finds marked (folded matching)."""
    parts: list[Part] = []
    done = 0
    for start, end in matched_words(text, words, lang):
        if start > done:
            parts.append(Part(text[done:start]))
        if parts and parts[-1].mark and start == done:
            parts[-1].text += text[start:end]
        else:
            parts.append(Part(text[start:end], True))
        done = end
    if done < len(text):
        parts.append(Part(text[done:]))
    return parts


def excerpt(text: str, words: list[str], lang: str, length: int = SNIPPET_LENGTH) -> list[Part]:
    """About `length` characters of `text` around its first match, cut at spaces, highlighted."""
    if len(text) <= length:
        return highlight(text, words, lang)
    first = min((start for start, _end in matched_words(text, words, lang)), default=0)
    start = max(0, first - length // 3)
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    if start > 0:
        space = text.find(" ", start, first) if first > start else -1
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(first, start), end)
        end = space if space > start else end
    parts = highlight(text[start:end], words, lang)
    if start > 0:
        parts.insert(0, Part("… "))
    if end < len(text):
        parts.append(Part(" …"))
    return parts


class Urls:
    """Article and glossary URLs in any language, each worked out once per search."""

    def __init__(self):
        self.cache = {}

    def article(self, lang, article) -> str:
        key = (lang, article.edition.slug, article.number)
        if key not in self.cache:
            with override(lang):
                self.cache[key] = reverse(
                    "law:article", kwargs={"edition": article.edition.slug, "number": article.number}
                )
        return self.cache[key]

    def flow_start(self, lang, edition) -> str:
        """The start of an edition's question flow: `/check/` for the law in force."""
        if "main" not in self.cache:
            self.cache["main"] = Edition.objects.main()
        main = self.cache["main"]
        key = (lang, "check", edition.slug)
        if key not in self.cache:
            with override(lang):
                if main is not None and main.pk == edition.pk:
                    self.cache[key] = reverse("checker:start")
                else:
                    self.cache[key] = reverse("checker:edition_start", kwargs={"edition": edition.slug})
        return self.cache[key]

    def glossary(self, lang, edition_slug) -> str:
        """The glossary page of the term's own edition (editions define some terms differently)."""
        key = (lang, "glossary", edition_slug)
        if key not in self.cache:
            with override(lang):
                self.cache[key] = reverse("law:edition_glossary", kwargs={"edition": edition_slug})
        return self.cache[key]


def snippet_label(item: SearchEntry) -> str:
    if item.kind == Kind.OFFICIAL:
        return _("Official text: %(name)s") % {"name": paragraph_heading(item.label)}
    if item.kind == Kind.NOTE:
        return _("Explanation: %(name)s") % {"name": paragraph_heading(item.label)}
    if item.kind == Kind.QUESTION:
        return _("A question of “Does this apply to me?”: its explanation and answers")
    if item.kind == Kind.RIGHT and item.label:
        return _("Rights and duties, paragraph %(label)s") % {"label": item.label}
    return str(Kind(item.kind).label)


def snippet_url(item: SearchEntry, article_url: str) -> str:
    if item.kind == Kind.QUESTION:
        return article_url  # the result's own address: the flow's start
    if item.label:
        return f"{article_url}#p-{item.label}"
    if item.kind in (Kind.SUMMARY, Kind.FOR_YOU, Kind.RIGHT):
        return f"{article_url}#plain-language"
    return article_url


# Only what a result shows is read from the joined tables, not whole articles.
SHOWN_FIELDS = [
    *[f.name for f in SearchEntry._meta.concrete_fields if f.name != "folded_text"],
    "article__number",
    "article__position",
    *[f"article__{name}_{code}" for name in ("plain_title", "official_title") for code in LANGS],
    "article__edition__slug",
    "article__edition__position",
    *[f"article__edition__short_title_{code}" for code in LANGS],
    "term__slug",
    "term__position",
    "term__edition__slug",
    *[f"term__edition__short_title_{code}" for code in LANGS],
    *[f"term__name_{code}" for code in LANGS],
    "flow_edition__slug",
    *[f"flow_edition__short_title_{code}" for code in LANGS],
]


def word_condition(word: str) -> Q:
    """Entries with a word that starts with `word`, or (in each language) one with its stem."""
    condition = Q(folded_text__contains=needle(word))
    if len(word) >= WHOLE_WORD_BELOW:
        for code in LANGS:
            condition |= Q(lang=code, stemmed_text__contains=f" {stem(word, code)} ")
    return condition


def matching_entries(query: Query, lang: str):
    entries = SearchEntry.objects.select_related("article__edition", "term__edition", "flow_edition").only(
        *SHOWN_FIELDS
    )
    for word in query.words:
        entries = entries.filter(word_condition(word))
    # Glossary entries have no article; the others only while it is published. The index holds no
    # other (index.py): this is the second lock, for an index built before that rule, say. Editors
    # find a draft in the admin, not here: search results are public pages.
    entries = entries.filter(Q(article__isnull=True) | Q(article__in=Article.objects.published()))
    same_language_first = Case(When(lang=lang, then=Value(0)), default=Value(1), output_field=IntegerField())
    # The law that binds people today before the history (the draft): its own words, searched for
    # («маркировкой»), find its articles, not the draft's glossary.
    in_force = Edition.LegalStatus.IN_FORCE
    in_force_first = Case(
        When(
            Q(article__edition__legal_status=in_force)
            | Q(term__edition__legal_status=in_force)
            | Q(flow_edition__legal_status=in_force),
            then=Value(0),
        ),
        default=Value(1),
        output_field=IntegerField(),
    )
    return entries.order_by(
        same_language_first,
        in_force_first,
        "rank",
        "lang",
        "article__edition__position",
        "article__position",
        "term__position",
        "position",
    )


def new_result(item: SearchEntry, words: list[str], urls: Urls) -> Result:
    """The heading of a result: an article or a glossary term, in the entry's language."""
    if item.article_id:
        article = item.article
        title = text_in(article, "plain_title", item.lang) or text_in(article, "official_title", item.lang)
        return Result(
            lang=item.lang,
            language=LANGUAGE_NAMES[item.lang],
            url=urls.article(item.lang, article),
            number=article.number,
            edition=article.edition.short_title,
            title=highlight(title, words, item.lang),
        )
    if item.kind == Kind.QUESTION:
        return Result(
            lang=item.lang,
            language=LANGUAGE_NAMES[item.lang],
            url=urls.flow_start(item.lang, item.flow_edition),
            edition=item.flow_edition.short_title,
            title=highlight(item.heading, words, item.lang),
            is_question=True,
        )
    return Result(
        lang=item.lang,
        language=LANGUAGE_NAMES[item.lang],
        url=f"{urls.glossary(item.lang, item.term.edition.slug)}#{item.term.slug}",
        edition=item.term.edition.short_title,
        title=highlight(text_in(item.term, "name", item.lang), words, item.lang),
        is_glossary=True,
    )


def run_search(query: Query, lang: str) -> Results:
    """The results of a query with words (one SQL query)."""
    entries = list(matching_entries(query, lang)[: MAX_ENTRIES + 1])
    truncated = len(entries) > MAX_ENTRIES
    urls = Urls()
    results: dict[tuple, Result] = {}
    # Entries come best first, so each result takes the place of its best match.
    for item in entries[:MAX_ENTRIES]:
        question = item.label if item.kind == Kind.QUESTION else ""
        key = (item.lang, item.article_id, item.term_id, item.flow_edition_id, question)
        if key not in results:
            if len(results) == MAX_RESULTS:
                truncated = True
                continue
            results[key] = new_result(item, query.words, urls)
        result = results[key]
        if item.kind in (Kind.TITLE, Kind.GLOSSARY) or len(result.snippets) >= SNIPPETS_PER_RESULT:
            continue  # a match in a title or a term's name shows in the highlighted heading itself
        result.snippets.append(
            Snippet(snippet_label(item), snippet_url(item, result.url), excerpt(item.text, query.words, item.lang))
        )
    ordered = list(results.values())
    return Results(
        same_language=[r for r in ordered if r.lang == lang],
        other_languages=[r for r in ordered if r.lang != lang],
        truncated=truncated,
    )
