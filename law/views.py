"""Public pages of the law browser: home, an edition's contents, an article, glossary, Committee."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, override

from . import presentation as p
from .models import Edition, GlossaryTerm, Page, Status, text_in


def published_page(request, slug):
    page = Page.objects.filter(slug=slug).first()
    if page and page.status != Status.PUBLISHED and not request.user.is_staff:
        page = None
    return page


def home(request):
    editions = Edition.objects.select_related("superseded_by").order_by("position")
    draft = next((e for e in editions if not e.is_in_force), None)
    return render(
        request,
        "law/home.html",
        {
            "page": published_page(request, "home"),
            "editions": editions,
            "draft": draft,
        },
    )


def get_edition(slug):
    return get_object_or_404(Edition.objects.select_related("superseded_by"), slug=slug)


def edition(request, edition):
    edition = get_edition(edition)
    articles = p.visible_articles(request.user).filter(edition=edition).select_related("chapter", "edition")
    chapters = []
    for chapter in edition.chapters.all():
        chapter_articles = [a for a in articles if a.chapter_id == chapter.pk]
        if chapter_articles:
            chapters.append({"chapter": chapter, "articles": chapter_articles})
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
    edition = get_edition(edition)
    visible = p.visible_articles(request.user).filter(edition=edition)
    current = (
        visible.select_related("chapter")
        .prefetch_related("paragraphs", "rights_and_duties__paragraph")
        .filter(number=number)
        .first()
    )
    if current is None:
        raise Http404("No such article")
    stub_fields = ["number", *[f"plain_title_{code}" for code in p.LANGUAGE_NAMES]]
    previous = visible.filter(position__lt=current.position).order_by("-position").only(*stub_fields).first()
    following = visible.filter(position__gt=current.position).order_by("position").only(*stub_fields).first()
    paragraphs = list(current.paragraphs.all())
    lang = get_language()
    explained_in = p.explanation_languages(current)
    official_in = p.official_text_languages(current, paragraphs)
    notes = [para for para in paragraphs if text_in(para, "note_html", lang)]

    def url_in(code):
        with override(code):
            return reverse("law:article", kwargs={"edition": edition.slug, "number": number})

    return render(
        request,
        "law/article.html",
        {
            "edition": edition,
            "notice": p.edition_status_notice(edition),
            "article": current,
            "title": p.article_title(current),
            "paragraphs": [
                {
                    "paragraph": para,
                    "display_label": p.paragraph_display_label(para.label),
                    "has_note": bool(text_in(para, "note_html", lang)),
                }
                for para in paragraphs
            ],
            "notes": notes,
            "has_explanation": lang in explained_in,
            "explanation_elsewhere": p.other_languages(explained_in, url_in),
            "has_official_text": lang in official_in,
            "official_elsewhere": p.other_languages(official_in, url_in),
            "groups": p.rights_and_duties_by_role(list(current.rights_and_duties.all())),
            "previous": p.article_link(previous, edition),
            "next": p.article_link(following, edition),
            "is_preview": current.status != Status.PUBLISHED,
        },
    )


def glossary(request):
    lang = get_language()
    terms = [t for t in GlossaryTerm.objects.select_related("article__edition") if text_in(t, "name", lang)]
    terms.sort(key=lambda t: text_in(t, "name", lang).casefold())
    missing = GlossaryTerm.objects.count() - len(terms)
    return render(request, "law/glossary.html", {"terms": terms, "missing": missing})


def committee(request):
    page = published_page(request, "committee")
    if page is None:
        raise Http404("No Committee page")
    lang = get_language()
    written_in = [code for code in p.LANGUAGE_NAMES if text_in(page, "body", code)]

    def url_in(code):
        with override(code):
            return reverse("law:committee")

    return render(
        request,
        "law/page.html",
        {
            "page": page,
            "has_text": lang in written_in,
            "elsewhere": p.other_languages(written_in, url_in),
        },
    )
