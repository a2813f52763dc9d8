"""{{ words|text:"key" }} and {{ words|html:"key" }}: the flow's words by their dotted keys."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def text(words, key):
    return words.text.get(key, "")


@register.filter
def html(words, key):
    # Rendered and sanitized by editorial.rendering when the text was saved.
    return mark_safe(words.html.get(key, ""))  # noqa: S308
