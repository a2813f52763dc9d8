"""{{ words|text:"key" }} and {{ words|html:"key" }}: the flow's words by their dotted keys."""

from django import template
from django.utils.safestring import mark_safe

from law.record_names import citation as cite

register = template.Library()


@register.filter
def text(words, key):
    return words.text.get(key, "")


@register.filter
def html(words, key):
    # Rendered and sanitized by editorial.rendering when the text was saved.
    return mark_safe(words.html.get(key, ""))  # noqa: S308


@register.filter
def citation(record) -> str:
    """Where a right or duty comes from, as people cite it: 'Article 17, paragraph 3, subparagraph 3'."""
    label = record.paragraph.label if record.paragraph_id else ""
    return cite(record.article.number, label)
