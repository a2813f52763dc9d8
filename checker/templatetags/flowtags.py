"""{{ words|text:"key" }} and {{ words|html:"key" }}: the flow's words by their dotted keys; {% item entry %},
{% role_section section %}, {% summary_line line %} and {% answer_row row %}: a right, duty or rule of a
result, a role's part of it, a step of its summary and an answer given, each rendered once per content
version (law.memo)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.numbering import continued
from law.memo import remembered
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


@register.filter
def short_citation(record) -> str:
    """'Art. 21(1)': the article and paragraph, short enough for the result's summary."""
    label = continued(record.paragraph.label) or record.paragraph.label if record.paragraph_id else ""
    paragraph = label.split("-")[0] if label else ""
    if not paragraph or paragraph == "0":
        return _("Art. %(number)s") % {"number": record.article.number}
    return _("Art. %(number)s(%(paragraph)s)") % {"number": record.article.number, "paragraph": paragraph}


@register.simple_tag
def item(entry) -> str:
    """A right, duty or rule of a result as a list item (checker/_item.html). An item is made of the
    content alone (the record, the words of the answers it depends on, its deadline, the records
    merged into it), so it is rendered once per content version and language (law.memo)."""
    return rendered_once("checker/_item.html", {"entry": entry}, entry_key(entry))


def entry_key(entry) -> tuple:
    return (
        entry["record"].pk,
        entry["maybe"],
        tuple(entry["because"]),
        entry["deadline"],
        tuple(other.pk for other in entry.get("also", ())),
    )


@register.simple_tag
def role_section(section) -> str:
    """A role's part of a result (checker/_role.html): its words and its items, made of the content."""
    key = (section["role"], section["possible"], section["title"], section["body_html"]) + tuple(
        tuple(entry_key(entry) for entry in section[kind]) for kind in ("duties", "rights", "rules")
    )
    return rendered_once("checker/_role.html", {"section": section}, key)


@register.simple_tag
def summary_line(line) -> str:
    """A step of the result's summary (checker/_summary_line.html): made of the content alone too."""
    key = (line["key"], line["maybe"], line["text"], tuple(record.pk for record in line["cites"]))
    return rendered_once("checker/_summary_line.html", {"line": line}, key)


@register.simple_tag
def answer_row(row) -> str:
    """A question and the answer given, for "Check your answers" (checker/_answer_row.html): the
    words of the flow's own questions and options, so made once per content version too."""
    return rendered_once("checker/_answer_row.html", {"row": row}, (row["name"], row["question"], *row["answers"]))


def rendered_once(template: str, context: dict, key: tuple) -> str:
    """Kept in the memo's "answers" region: their combinations grow with the answers given."""
    return remembered(
        ("flow-part", template, *key, get_language()), lambda: render_to_string(template, context), region="answers"
    )
