"""The one place where Markdown becomes HTML.

Raw HTML in content is never passed through: Python-Markdown's HTML processors are removed so that
`<script>` is shown as text, and the result is cleaned again by nh3 with a short list of tags and
only http, https and mailto links (relative links stay allowed).

Explanations also get their glossary terms linked here (see glossary_links.py), before the
cleaning, so that nh3 checks the links it adds like any other: the only class it lets through is
`term`, and the only extra attribute is `data-term`.
"""

import markdown
import markdown.treeprocessors
import nh3

from .glossary_links import Term, link_terms

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "hr",
    "abbr",
    "dfn",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang", "data-term"},
    "abbr": {"title"},
    "dfn": {"id"},
    "th": {"scope"},
    "td": {"data-label"},
}
ALLOWED_CLASSES = {"a": {"term"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _CellLabels(markdown.treeprocessors.Treeprocessor):
    """Each body cell of a table but the first of its row carries its column's heading as
    `data-label`: on a narrow screen the rows stack as cards and show it before the cell."""

    def run(self, root):
        for table in root.iter("table"):
            head, body = table.find("thead"), table.find("tbody")
            if head is None or body is None:
                continue
            labels = [" ".join("".join(th.itertext()).split()) for th in head.iter("th")]
            for row in body.iter("tr"):
                for cell, label in list(zip(row.findall("td"), labels, strict=False))[1:]:
                    if label:
                        cell.set("data-label", label)


class _TableCellLabels(markdown.Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API name
        # After the inline patterns (priority 20), so that a heading's text is its words, not its Markdown.
        md.treeprocessors.register(_CellLabels(md), "cell_labels", 5)


class _NoRawHtml(markdown.Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text: str, terms: list[Term] | None = None, glossary_path: str = "") -> str:
    """Render Markdown to sanitized HTML; empty text gives ''.

    With `terms` (and the glossary page of the text's language), the first use of each term links
    to its definition.
    """
    if not text or not text.strip():
        return ""
    html = markdown.markdown(
        text, extensions=[_NoRawHtml(), "sane_lists", "tables", _TableCellLabels()], output_format="html"
    )
    if terms:
        html = link_terms(html, terms, glossary_path)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
