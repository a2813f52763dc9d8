"""Linking glossary terms in rendered HTML: the first use of each term points to its definition.

This module only rewrites HTML that `rendering.render_markdown` has just produced; it knows
nothing of the database. A term is matched by its name in the text's language, case-insensitively
and as a whole word. Text inside a link, `code` or `pre` is never touched, so a link an author wrote
by hand is never nested or doubled; a hand-written link to the glossary counts as that term's link.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

TAG_RE = re.compile(r"(<[^>]*>)")
TAG_NAME_RE = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")
HREF_RE = re.compile(r'\bhref="([^"]*)"')
# Where a term must not be linked: inside a link (no nested links) or in code.
SKIP_TAGS = {"a", "code", "pre"}


@dataclass(frozen=True)
class Term:
    """A glossary term as the linker needs it, in one language."""

    slug: str
    name: str


def term_pattern(name: str) -> re.Pattern:
    # Spaces in a name match any run of white space (Markdown keeps the author's line breaks).
    body = r"\s+".join(re.escape(part) for part in name.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def link_terms(rendered: str, terms: list[Term], glossary_path: str) -> str:
    """Wrap the first use of each term in `<a class="term" href="<glossary_path>#<slug>" data-term>`.

    `glossary_path` is the glossary page of the text's language, e.g. '/en/glossary/'.
    """
    terms = [t for t in terms if t.name.strip()]
    if not rendered or not terms:
        return rendered
    parts = TAG_RE.split(rendered)
    linked = mark_hand_links(parts, glossary_path, {t.slug for t in terms})
    if linked >= {t.slug for t in terms}:
        return "".join(parts)
    # Longest names first, so that 'AI system owner' wins over 'AI system' where both could start.
    ordered = sorted(terms, key=lambda t: -len(t.name))
    patterns = {t.slug: term_pattern(t.name) for t in ordered}
    skip_depth = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            match = TAG_NAME_RE.match(part)
            if match and match.group(2).lower() in SKIP_TAGS:
                skip_depth = max(skip_depth + (-1 if match.group(1) else 1), 0)
            continue
        if skip_depth or not part.strip():
            continue
        parts[index] = link_in_text(part, ordered, patterns, linked, glossary_path)
        if len(linked) == len(patterns):
            break
    return "".join(parts)


def mark_hand_links(parts: list[str], glossary_path: str, slugs: set[str]) -> set[str]:
    """Find links the author wrote by hand to a term in this language's glossary.

    They count as that term's first use (no second link), and get the same class and data-term
    as automatic links so that the pop-up works on them too. Returns the terms found.
    """
    found = set()
    for index, part in enumerate(parts):
        if not part.startswith("<a ") or "data-term=" in part:
            continue
        match = HREF_RE.search(part)
        if not match:
            continue
        path, _hash, fragment = html.unescape(match.group(1)).partition("#")
        if path == glossary_path and fragment in slugs:
            found.add(fragment)
            if "class=" not in part:
                parts[index] = f'<a class="term" data-term="{html.escape(fragment)}" {part[3:]}'
    return found


def link_in_text(escaped: str, ordered: list[Term], patterns: dict, linked: set, glossary_path: str) -> str:
    """Link the terms not yet `linked` in one run of (HTML-escaped) text; add them to `linked`.

    Every term is looked for, linked or not: a use of a term already linked still covers its words,
    so 'AI system' is not linked inside a later 'AI system owner'.
    """
    text = html.unescape(escaped)
    out = []
    position = done = 0
    while len(linked) < len(patterns):
        best = None
        for term in ordered:
            match = patterns[term.slug].search(text, position)
            # Earliest match wins; at the same place the longer name (earlier in `ordered`) wins.
            if match and (best is None or match.start() < best[1].start()):
                best = (term, match)
        if best is None:
            break
        term, match = best
        position = match.end()
        if term.slug in linked:
            continue
        out.append(html.escape(text[done : match.start()], quote=False))
        href = html.escape(f"{glossary_path}#{term.slug}")
        out.append(
            f'<a class="term" href="{href}" data-term="{html.escape(term.slug)}">'
            f"{html.escape(match.group(0), quote=False)}</a>"
        )
        done = position
        linked.add(term.slug)
    if done == 0:
        return escaped
    out.append(html.escape(text[done:], quote=False))
    return "".join(out)
