"""Template filters for the law's pages; they only format, the deciding is done in presentation.py."""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from law import presentation
from law.models import text_in

register = template.Library()


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
