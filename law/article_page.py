"""An article's page, made of parts that depend on the content alone (issue #41).

Everything on an article's page but the site's frame and the "is this page useful?" form depends
only on the content and the language: the explanation, the official text with its versions, what
changed between the editions, the neighbouring articles. `ArticlePage` holds those parts, rendered.
For the public they are made once per content version and language (law.memo), so a page costs the
frame's render and no query; an editor who is signed in gets them made afresh, previews included.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.addresses import absolute_url
from editorial.languages import per_language, text_in
from editorial.numbering import paragraph_display_label

from . import compare
from . import presentation as p
from .memo import remembered
from .models import Article, Edition


@dataclass(frozen=True)
class ArticlePage:
    edition: Edition  # for the printed page's header
    title: str  # for <title>: "Article 17: … · Law No. 230-VIII"
    description: str  # for the description meta tags; "" gives the site's own
    breadcrumbs: SafeString
    body: SafeString  # the edition's notice and the <article> itself
    pager: SafeString  # the previous and the next article
    path: str  # the page's address in the active language
    is_preview: bool


def article_page(request, edition_slug: str, number) -> ArticlePage:
    """The page's parts: kept per content version for visitors who are not signed in."""
    if request.user.is_authenticated:
        return make_article_page(request, edition_slug, number)
    key = ("article-page", edition_slug, str(number), get_language())
    return remembered(key, lambda: make_article_page(request, edition_slug, number))


def get_edition(slug):
    return get_object_or_404(Edition.objects.select_related("superseded_by"), slug=slug)


def article_context(request, edition_slug, number):
    """Everything the article page and its printable summary show; 404 for hidden articles."""
    edition = get_edition(edition_slug)
    visible = Article.objects.visible_to(request.user).filter(edition=edition)
    current = (
        visible.select_related("chapter")
        .prefetch_related("paragraphs", "rights_and_duties__paragraph")
        .filter(number=number)
        .first()
    )
    if current is None:
        raise Http404("No such article")
    paragraphs = list(current.paragraphs.all())
    lang = get_language()
    explained_in = p.explanation_languages(current)
    official_in = p.official_text_languages(current, paragraphs)

    url_in = p.url_in_each_language("law:article", edition=edition.slug, number=number)

    return {
        "edition": edition,
        "notice": p.edition_status_notice(edition),
        "article": current,
        "title": p.article_title(current),
        "paragraphs": [
            {
                "paragraph": para,
                "display_label": paragraph_display_label(para.label),
                "has_note": bool(text_in(para, "note_html", lang)),
            }
            for para in paragraphs
        ],
        "notes": [para for para in paragraphs if text_in(para, "note_html", lang)],
        "amended": p.amendments(paragraphs),
        "official_title_elsewhere": p.official_title_elsewhere(current),
        "has_explanation": lang in explained_in,
        "explanation_elsewhere": p.other_languages(explained_in, url_in),
        "has_official_text": lang in official_in,
        "official_in_any_language": bool(official_in),
        "official_elsewhere": p.other_languages(official_in, url_in),
        "groups": p.rights_and_duties_by_role(list(current.rights_and_duties.all())),
        "is_preview": not current.is_published,
        "visible": visible,
        "permanent_url": absolute_url(request, url_in(lang)),
    }


def make_article_page(request, edition_slug: str, number) -> ArticlePage:
    context = article_context(request, edition_slug, number)
    current, visible, edition = context["article"], context.pop("visible"), context["edition"]
    stub_fields = ["number", *per_language("plain_title")]
    previous = visible.filter(position__lt=current.position).order_by("-position").only(*stub_fields).first()
    following = visible.filter(position__gt=current.position).order_by("position").only(*stub_fields).first()
    context["previous"] = p.article_link(previous, edition)
    context["next"] = p.article_link(following, edition)
    # Compare opens on the explanation while no official text is loaded in any language.
    text = "official" if context["official_in_any_language"] else "explanation"
    context["compare"] = compare.form_options(compare.Choice(compare.default_langs(get_language()), text))

    def part(template: str) -> SafeString:
        return mark_safe(render_to_string(template, context, request))  # noqa: S308 - a rendered template

    title = _("Article %(number)s") % {"number": current.number}
    if context["title"]:
        title = f"{title}: {context['title']}"
    if current.summary_html:
        description = mark_safe(Truncator(strip_tags(current.summary_html)).chars(200))  # noqa: S308 - as |striptags
    else:
        description = context["title"]
    return ArticlePage(
        edition=edition,
        title=f"{title} · {edition.short_title}",
        description=description,
        breadcrumbs=part("law/_article_breadcrumbs.html"),
        body=part("law/_article.html"),
        pager=part("law/_article_pager.html"),
        path=reverse("law:article", kwargs={"edition": edition.slug, "number": current.number}),
        is_preview=context["is_preview"],
    )
