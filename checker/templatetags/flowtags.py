"""{{ words|text:"key" }} and {{ words|html:"key" }}: the flow's words by their dotted keys."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

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
    number = record.article.number
    label = record.paragraph.label if record.paragraph_id else ""
    if not label:
        return _("Article %(number)s") % {"number": number}
    if "-" in label:
        paragraph, sub = label.rsplit("-", 1)
        if paragraph == "0":
            return _("Article %(number)s, subparagraph %(sub)s") % {"number": number, "sub": sub}
        return _("Article %(number)s, paragraph %(paragraph)s, subparagraph %(sub)s") % {
            "number": number,
            "paragraph": paragraph,
            "sub": sub,
        }
    return _("Article %(number)s, paragraph %(paragraph)s") % {"number": number, "paragraph": label}
