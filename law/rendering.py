"""The one place where Markdown becomes HTML.

Raw HTML in content is never passed through: Python-Markdown's HTML processors are removed so that
`<script>` is shown as text, and the result is cleaned again by nh3 with a short list of tags and
only http, https and mailto links (relative links stay allowed).
"""

import markdown
import nh3

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
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    "dfn": {"id"},
    "th": {"scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}


class _NoRawHtml(markdown.Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text: str) -> str:
    """Render Markdown to sanitized HTML; empty text gives ''."""
    if not text or not text.strip():
        return ""
    html = markdown.markdown(text, extensions=[_NoRawHtml(), "sane_lists", "tables"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
