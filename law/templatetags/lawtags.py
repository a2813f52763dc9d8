"""Template filters for the law's pages; they only format, the deciding is done in presentation.py."""

import re

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from editorial.languages import text_in
from law import presentation
from law.memo import remembered

register = template.Library()


@register.filter
def paragraph_heading(label):
    """A paragraph named within its article: 'Paragraph 3, subparagraph 2' (law.record_names)."""
    from law.record_names import paragraph_heading as heading

    return heading(label)


@register.filter
def longdate(value):
    return presentation.long_date(value)


@register.filter
def article_title(article):
    return presentation.article_title(article)


@register.filter
def in_language(obj, spec):
    """{{ obj|in_language:"field" }} → the field's text in the page's language, '' if missing."""
    return text_in(obj, spec, get_language())


@register.simple_tag
def now_date():
    """Today's date in the page's language (site.js replaces it with the reader's date on printing)."""
    return presentation.long_date(timezone.localdate())


@register.simple_tag
def print_date_attrs():
    """Month names and the date pattern of the page's language, for site.js to write the reader's
    own date at the moment of printing (a cached page's server date may be days old)."""
    return remembered(
        ("print-date-attrs", get_language()),
        lambda: format_html(
            'data-months="{}" data-pattern="{}"', ",".join(presentation.month_names()), gettext("{day} {month} {year}")
        ),
    )


PARAGRAPH_LINK = re.compile(r'<a href="#p-[\w-]+"[^>]*>(.*?)</a>', re.S)


@register.filter
def without_paragraph_links(html, keep: bool):
    """Explanation HTML (sanitized when saved) with its links to official paragraphs (#p-3) turned
    into plain text when those paragraphs are not on the page (no official text loaded)."""
    if keep:
        return mark_safe(html)  # noqa: S308 - sanitized by editorial.rendering when saved
    return mark_safe(PARAGRAPH_LINK.sub(r"\1", html))  # noqa: S308 - the same HTML, fewer links
