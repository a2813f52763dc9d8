"""Public pages of the law browser: home, an edition's contents, an article (also with its languages
side by side), glossary, Committee."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.addresses import absolute_url
from editorial.languages import LANGUAGE_CODES, text_in
from editorial.page_cache import made_from_query

from . import compare
from . import glossary as g
from . import presentation as p
from .article_page import article_context, article_page, get_edition
from .models import Article, Edition, Page


def published_page(request, slug):
    return Page.objects.visible_to(request.user).filter(slug=slug).first()


def home(request):
    main = Edition.objects.main()
    editions = list(Edition.objects.select_related("superseded_by").order_by("position"))
    if main is not None:  # the law in force first, then the history editions
        editions.sort(key=lambda e: e.pk != main.pk)
    return render(
        request,
        "law/home.html",
        {
            "page": published_page(request, "home"),
            "editions": editions,
            "main": main,
            "history": [e for e in editions if main is None or e.pk != main.pk],
        },
    )


def edition(request, edition):
    edition = get_edition(edition)
    articles = Article.objects.visible_to(request.user).filter(edition=edition).select_related("chapter", "edition")
    chapters = p.by_chapter(edition.chapters.all(), articles)
    return render(
        request,
        "law/edition.html",
        {
            "edition": edition,
            "notice": p.edition_status_notice(edition),
            "chapters": chapters,
            "article_count": len(articles),
        },
    )


def article(request, edition, number):
    page = article_page(request, edition, number)
    permanent_url = absolute_url(request, page.path)
    context = {"page": page, "edition": page.edition, "is_preview": page.is_preview, "permanent_url": permanent_url}
    return render(request, "law/article.html", context)


def article_compare(request, edition, number):
    """The article's official text or explanation in two or three languages, one column each."""
    edition = get_edition(edition)
    current = (
        Article.objects.visible_to(request.user)
        .filter(edition=edition, number=number)
        .select_related("chapter")
        .prefetch_related("paragraphs")
        .first()
    )
    if current is None:
        raise Http404("No such article")
    paragraphs = list(current.paragraphs.all())
    loaded = bool(p.official_text_languages(current, paragraphs))
    choice = compare.parse_choice(request.GET, get_language(), "official" if loaded else "explanation")
    # As the form sends a choice: the languages ticked, in the site's order, then the text.
    made_from_query(request, [*(("langs", code) for code in choice.langs), ("text", choice.text)])
    # Beside the explanations, the official text (the law ships in Russian: beside any language's).
    official = compare.official_language(paragraphs, choice.langs) if choice.text == "explanation" else None
    return render(
        request,
        "law/article_compare.html",
        {
            "edition": edition,
            "notice": p.edition_status_notice(edition),
            "article": current,
            "title": p.article_title(current),
            "choice": choice,
            "columns": compare.columns(current, choice.langs, official),
            "rows": [] if choice.error else compare.compare_rows(current, paragraphs, choice, official),
            "compare": compare.form_options(choice),
            "is_preview": not current.is_published,
        },
        status=400 if choice.error else 200,
    )


def article_print(request, edition, number):
    context = article_context(request, edition, number)
    context.pop("visible")
    # The option is offered only when there is an official text to include.
    context["with_official"] = request.GET.get("official") == "1" and context["has_official_text"]
    made_from_query(request, [("official", "1")] if context["with_official"] else [])
    return render(request, "law/article_print.html", context)


def edition_print(request, edition):
    """The booklet: every visible article's summary, chapter by chapter, then the edition's glossary."""
    edition = get_edition(edition)
    articles = (
        Article.objects.visible_to(request.user)
        .filter(edition=edition)
        .select_related("chapter")
        .prefetch_related("paragraphs", "rights_and_duties__paragraph")
    )
    lang = get_language()
    chapters = p.by_chapter(
        edition.chapters.all(),
        articles,
        lambda a: {
            "article": a,
            "title": p.article_title(a),
            "groups": p.rights_and_duties_by_role(list(a.rights_and_duties.all())),
            "notes": [para for para in a.paragraphs.all() if text_in(para, "note_html", lang)],
            "amended": p.amendments(a.paragraphs.all()),
        },
    )
    return render(
        request,
        "law/edition_print.html",
        {
            "edition": edition,
            "notice": p.edition_status_notice(edition),
            "chapters": chapters,
            "glossary": g.glossary_entries(edition, lang)[0],
            "permanent_url": absolute_url(request, edition.get_absolute_url()),
        },
    )


def glossary_edition(slug):
    """The edition a glossary page shows: the one named, or at /glossary/ the law in force."""
    if slug is not None:
        return get_edition(slug)
    edition = Edition.objects.main()
    if edition is None:
        raise Http404("No edition is in force")
    return edition


def glossary(request, edition=None):
    edition = glossary_edition(edition)
    entries, missing = g.glossary_entries(edition, get_language())
    others = [e for e in Edition.objects.exclude(pk=edition.pk) if e.terms.exists()]
    return render(
        request,
        "law/glossary.html",
        {
            "edition": edition,
            "is_main": edition == Edition.objects.main(),
            "notice": p.edition_status_notice(edition),
            "entries": entries,
            "letters": g.letters(entries),
            "missing": missing,
            "other_glossaries": others,
        },
    )


def glossary_terms(request, edition=None):
    """An edition's glossary in the page's language as JSON, for the pop-ups on explanations (site.js)."""
    return JsonResponse(
        {
            "terms": g.popup_terms(glossary_edition(edition), get_language()),
            "labels": {
                "more": _("Read in the glossary"),
                "close": _("Close"),
                "missing": _("Definition not yet written in this language."),
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )


def free_page(request, slug, url_name, template="law/page.html"):
    """A free-standing page written as content (the Committee, liability and fines)."""
    page = published_page(request, slug)
    if page is None:
        raise Http404("No such page")
    lang = get_language()
    written_in = [code for code in LANGUAGE_CODES if text_in(page, "body", code)]
    url_in = p.url_in_each_language(url_name)
    return render(
        request,
        template,
        {
            "page": page,
            "has_text": lang in written_in,
            "elsewhere": p.other_languages(written_in, url_in),
        },
    )


def committee(request):
    return free_page(request, "committee", "law:committee")


def liability(request):
    return free_page(request, "liability", "law:liability")


def about(request):
    """Who makes the site, how it is written and checked, and the licences: the page's words are
    content; the publisher's name and contact address are settings (SITE_PUBLISHER, SITE_CONTACT_EMAIL)."""
    return free_page(request, "about", "law:about", template="law/about.html")
