"""Running a search: one SQL query on the index, then scoring, grouping and snippets in Python.

1. The query's words are read as groups (synonyms.py): each word or listed phrase, with the law's
   own words it also finds. A passage (an index entry) matches when it matches every group.
2. Each page found is one result: an article, a page of the site (the fines page, About), a
   glossary term, or an edition's question flow, in one language.
3. A result's score adds up its matched passages (at most COUNTED of them, best first), each
   weighing as its kind says (models.WEIGHTS: a title 12, "in short" 8, a note 4, the official
   text 2…), less (WIDENED) when it has only the law's words and not the visitor's. So the article
   that is about a thing, with the word in its title or summary and in several paragraphs, comes
   before one that mentions it once. Equal scores keep the law's order.
4. Results come in three groups: the page's language, in force (the law in force and the site's
   pages), best first; the history (the draft), its own group below; then other languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from editorial.languages import LANGUAGE_CODES as LANGS
from editorial.languages import LANGUAGE_NAMES, text_in
from law.models import Article, Edition
from law.record_names import paragraph_heading

from .folding import WHOLE_WORD_BELOW, Query, needle
from .models import WEIGHTS, Kind, SearchEntry
from .snippets import Part, excerpt, highlight
from .stemming import stem
from .synonyms import Group, Phrase, groups, leads

MAX_ENTRIES = 3000  # matched passages read per search: more than the index holds for any word today
MAX_RESULTS = 50  # results shown per group; a visitor wanting more adds a word
SNIPPETS_PER_RESULT = 3
COUNTED = 5  # passages of one result that count towards its score
WIDENED = 0.75  # a passage found only by the law's words for what the visitor typed
# Of equal scores: an article, then a page of the site, a glossary term, a question of the flow.
KIND_ORDER = {"article": 0, "page": 1, "term": 2, "flow": 3}


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
    is_question: bool = False  # the question flow of an edition
    is_page: bool = False  # a page of the site
    in_force: bool = True  # the law in force, or the site's own pages; False: the history
    score: float = 0.0
    order: tuple = ()


@dataclass
class Results:
    same_language: list[Result]  # the law in force and the site's pages, in the page's language
    history: list[Result]  # the earlier edition (the draft), in the page's language
    other_languages: list[Result]
    truncated: bool  # more matched than is shown

    @property
    def count(self) -> int:
        return len(self.same_language) + len(self.history) + len(self.other_languages)


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
        return _("Question: %(title)s") % {"title": item.heading}
    if item.kind == Kind.PAGE and item.heading:
        return item.heading  # the heading of the page's section
    if item.kind == Kind.RIGHT and item.label:
        return _("Rights and duties, paragraph %(label)s") % {"label": item.label}
    return str(Kind(item.kind).label)


def snippet_url(item: SearchEntry, article_url: str) -> str:
    if item.kind in (Kind.QUESTION, Kind.PAGE):
        return article_url  # the result's own address: the flow's start, the page
    if item.label:
        return f"{article_url}#p-{item.label}"
    if item.kind in (Kind.SUMMARY, Kind.FOR_YOU, Kind.RIGHT):
        return f"{article_url}#plain-language"
    return article_url


# Only what a result shows is read from the joined tables, not whole articles.
SHOWN_FIELDS = [
    *[f.name for f in SearchEntry._meta.concrete_fields],
    "article__number",
    "article__position",
    *[f"article__{name}_{code}" for name in ("plain_title", "official_title") for code in LANGS],
    "article__edition__slug",
    "article__edition__position",
    "article__edition__legal_status",
    *[f"article__edition__short_title_{code}" for code in LANGS],
    "term__slug",
    "term__position",
    "term__edition__slug",
    "term__edition__position",
    "term__edition__legal_status",
    *[f"term__edition__short_title_{code}" for code in LANGS],
    *[f"term__name_{code}" for code in LANGS],
    "flow_edition__slug",
    "flow_edition__position",
    "flow_edition__legal_status",
    *[f"flow_edition__short_title_{code}" for code in LANGS],
    "page__slug",
    *[f"page__title_{code}" for code in LANGS],
]


def word_condition(word: str) -> Q:
    """Entries with a word that starts with `word`, or (in each language) one with its stem."""
    condition = Q(folded_text__contains=needle(word))
    if len(word) >= WHOLE_WORD_BELOW:
        for code in LANGS:
            condition |= Q(lang=code, stemmed_text__contains=f" {stem(word, code)} ")
    return condition


def group_condition(group: Group) -> Q:
    """Entries with all the words of the typed phrase, or all the words of one of the law's phrases."""
    condition = Q(pk__in=[])
    for phrase in group.phrases:
        every = Q()
        for word in phrase:
            every &= word_condition(word)
        condition |= every
    return condition


def has_phrase(item: SearchEntry, phrase: Phrase) -> bool:
    """What group_condition asks of an entry, for one phrase, in Python."""
    return all(
        needle(word) in item.folded_text
        or (len(word) >= WHOLE_WORD_BELOW and f" {stem(word, item.lang)} " in item.stemmed_text)
        for word in phrase
    )


def matching_entries(query_groups: list[Group]):
    entries = SearchEntry.objects.select_related("article__edition", "term__edition", "flow_edition", "page").only(
        *SHOWN_FIELDS
    )
    for group in query_groups:
        entries = entries.filter(group_condition(group))
    # Glossary entries have no article; the others only while it is published. The index holds no
    # other (index.py): this is the second lock, for an index built before that rule, say. Editors
    # find a draft in the admin, not here: search results are public pages.
    return entries.filter(Q(article__isnull=True) | Q(article__in=Article.objects.published())).order_by("pk")


def source_of(item: SearchEntry) -> tuple:
    """What page an entry is on: (kind, record id)."""
    if item.article_id:
        return ("article", item.article_id)
    if item.page_id:
        return ("page", item.page_id)
    if item.term_id:
        return ("term", item.term_id)
    return ("flow", item.flow_edition_id)


def edition_of(item: SearchEntry):
    if item.article_id:
        return item.article.edition
    if item.term_id:
        return item.term.edition
    return item.flow_edition  # None for a page of the site


def entry_score(item: SearchEntry, query_groups: list[Group]) -> float:
    own_words = all(has_phrase(item, group.typed) for group in query_groups)
    return WEIGHTS[item.kind] * (1 if own_words else WIDENED)


def new_result(item: SearchEntry, words: list[str], urls: Urls) -> Result:
    """The heading of a result, in the entry's language."""
    edition = edition_of(item)
    common = {
        "lang": item.lang,
        "language": LANGUAGE_NAMES[item.lang],
        "in_force": edition is None or edition.legal_status == Edition.LegalStatus.IN_FORCE,
        "edition": edition.short_title if edition is not None else "",
    }
    if item.article_id:
        article = item.article
        title = text_in(article, "plain_title", item.lang) or text_in(article, "official_title", item.lang)
        return Result(
            url=urls.article(item.lang, article),
            number=article.number,
            title=highlight(title, words, item.lang),
            order=(KIND_ORDER["article"], edition.position, article.position),
            **common,
        )
    if item.page_id:
        with override(item.lang):
            url = item.page.get_absolute_url()
        title = text_in(item.page, "title", item.lang)
        return Result(
            url=url, title=highlight(title, words, item.lang), is_page=True, order=(KIND_ORDER["page"],), **common
        )
    if item.term_id:
        return Result(
            url=f"{urls.glossary(item.lang, edition.slug)}#{item.term.slug}",
            title=highlight(text_in(item.term, "name", item.lang), words, item.lang),
            is_glossary=True,
            order=(KIND_ORDER["term"], edition.position, item.term.position),
            **common,
        )
    return Result(
        url=urls.flow_start(item.lang, edition),
        is_question=True,
        order=(KIND_ORDER["flow"], edition.position),
        **common,
    )


def run_search(query: Query, lang: str) -> Results:
    """The results of a query with words (three SQL queries: the lists of synonyms, then the index)."""
    query_groups = groups(query.words, leads())
    words = list(dict.fromkeys(word for group in query_groups for word in group.words))
    entries = list(matching_entries(query_groups)[: MAX_ENTRIES + 1])
    truncated = len(entries) > MAX_ENTRIES
    found: dict[tuple, list[tuple[float, SearchEntry]]] = {}
    for item in entries[:MAX_ENTRIES]:
        found.setdefault((item.lang, *source_of(item)), []).append((entry_score(item, query_groups), item))
    urls = Urls()
    results = []
    for passages in found.values():
        passages.sort(key=lambda scored: (-scored[0], scored[1].position, scored[1].pk))
        result = new_result(passages[0][1], words, urls)
        result.score = sum(score for score, _item in passages[:COUNTED])
        for _score, item in passages:
            if len(result.snippets) == SNIPPETS_PER_RESULT:
                break
            if item.kind in (Kind.TITLE, Kind.GLOSSARY):
                continue  # a match in a title or a term's name shows in the highlighted heading itself
            result.snippets.append(
                Snippet(snippet_label(item), snippet_url(item, result.url), excerpt(item.text, words, item.lang))
            )
        results.append(result)
    results.sort(key=lambda r: (-r.score, r.order))
    groups_shown = {
        "same_language": [r for r in results if r.lang == lang and r.in_force],
        "history": [r for r in results if r.lang == lang and not r.in_force],
        "other_languages": [r for r in results if r.lang != lang],
    }
    for name, shown in groups_shown.items():
        if len(shown) > MAX_RESULTS:
            truncated = True
            groups_shown[name] = shown[:MAX_RESULTS]
    return Results(**groups_shown, truncated=truncated)
