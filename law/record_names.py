"""Records named as people name them, in the active language: what the admin shows in titles, select boxes,
history and messages ("Статья 16. Права и обязанности пользователей (Закон № 230-VIII, действующий)").

A text missing in that language is said to be missing ("Article 16 (no title in kk)"): another language's text
is never shown in its place. The models' __str__ call these; public pages name records in their own templates.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.languages import LANGUAGE_CODES, text_in
from editorial.numbering import continued

TEXT_START = 60  # characters of a text shown in a record's name


def active_language() -> str:
    """The language names are given in: the active one (the admin's), else the site's default."""
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return lang if lang in LANGUAGE_CODES else settings.LANGUAGE_CODE


def first_text(obj, fields: tuple[str, ...], lang: str) -> str:
    for field in fields:
        text = " ".join(text_in(obj, field, lang).split())
        if text:
            return text
    return ""


def untitled(name: str, lang: str) -> str:
    return _("%(name)s (no title in %(language)s)") % {"name": name, "language": lang}


def untexted(name: str, lang: str) -> str:
    return _("%(name)s (no text in %(language)s)") % {"name": name, "language": lang}


def titled(name: str, title: str, lang: str) -> str:
    """'Статья 16. Права …', or 'Статья 16 (no title in ru)'."""
    return f"{name}. {title}" if title else untitled(name, lang)


def edition_short_name(edition, lang: str) -> str:
    """How an edition is named after one of its records: its short title, else its slug."""
    return first_text(edition, ("short_title", "title"), lang) or edition.slug


def in_edition(name: str, edition) -> str:
    return f"{name} ({edition_short_name(edition, active_language())})"


def act_name(act) -> str:
    lang = active_language()
    return text_in(act, "title", lang).strip() or untitled(act.slug, lang)


def edition_name(edition) -> str:
    lang = active_language()
    return first_text(edition, ("short_title", "title"), lang) or untitled(edition.slug, lang)


def chapter_name(chapter) -> str:
    """'Глава 3. Права и обязанности …' for a chapter of the law; the site's grouping by its own title."""
    lang = active_language()
    title = first_text(chapter, ("title",), lang)
    if chapter.is_official and chapter.number:
        name = titled(_("Chapter %(number)s") % {"number": chapter.number}, title, lang)
    else:
        name = title or untitled(chapter.key, lang)
    return in_edition(name, chapter.edition)


def article_name(article) -> str:
    """'Статья 16. <official title, else plain title> (<edition>)'."""
    lang = active_language()
    title = first_text(article, ("official_title", "plain_title"), lang)
    return in_edition(titled(_("Article %(number)s") % {"number": article.number}, title, lang), article.edition)


def paragraph_heading(label: str) -> str:
    """'Paragraph 3, subparagraph 2' (or 'Subparagraph 2' where the article's paragraphs are not
    numbered, as in Article 1's definitions), as a heading names a paragraph within its article."""
    label = continued(label) or label  # the part of a paragraph after its subparagraphs is the paragraph's
    if label == "0":
        return _("The article's opening words")
    if "-" in label:
        paragraph, sub = label.rsplit("-", 1)
        if paragraph == "0":
            return _("Subparagraph %(sub)s") % {"sub": sub}
        return _("Paragraph %(paragraph)s, subparagraph %(sub)s") % {"paragraph": paragraph, "sub": sub}
    return _("Paragraph %(label)s") % {"label": label}


def citation(number: str, label: str) -> str:
    """'Article 17, paragraph 3, subparagraph 3', as the public pages cite a paragraph."""
    if not label:
        return _("Article %(number)s") % {"number": number}
    label = continued(label) or label  # the part of a paragraph after its subparagraphs is the paragraph's
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


def paragraph_name(paragraph) -> str:
    article = paragraph.article
    return in_edition(citation(article.number, paragraph.label), article.edition)


def text_start(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(TEXT_START)


def right_or_duty_name(item) -> str:
    """'Duty · AI system owner: Informs users that …' (the start of its text in the active language)."""
    lang = active_language()
    name = f"{item.get_kind_display()} · {item.get_role_display()}"
    text = text_in(item, "text", lang)
    if not text.strip():
        return untexted(name, lang)
    return f"{name}: {text_start(text)}"


def glossary_term_name(term) -> str:
    lang = active_language()
    return first_text(term, ("name",), lang) or _("%(name)s (no term in %(language)s)") % {
        "name": term.slug,
        "language": lang,
    }


def page_name(page) -> str:
    lang = active_language()
    return first_text(page, ("title",), lang) or untitled(page.slug, lang)


def flow_text_name(flow_text) -> str:
    """'Not sure whether your system decides on its own? … (not_sure.autonomy)'."""
    lang = active_language()
    text = text_in(flow_text, "text", lang).replace("*", "").replace("#", "")
    if not text.strip():
        return untexted(flow_text.key, lang)
    return f"{text_start(text)} ({flow_text.key})"
