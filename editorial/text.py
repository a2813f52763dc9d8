"""Text as readers see it: stored HTML reduced to plain text (for search, pop-ups, measures)."""

import html

from django.utils.html import strip_tags


def html_to_text(rendered: str) -> str:
    """Rendered HTML → one line of plain text, entities decoded, white space collapsed."""
    return " ".join(html.unescape(strip_tags(rendered or "")).split())
