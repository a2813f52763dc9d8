"""Helpers for the tests of the admin's languages: the English interface strings (Django's, reversion's, ours)
as patterns, the texts an editor reads on a page, and an editor who chose a language with the switcher."""

import json
import re
from functools import cache
from pathlib import Path

import django
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext

from .admin_forms import signed_in

ROOT = Path(__file__).resolve().parent.parent
DJANGO = Path(django.__file__).parent
VENDOR = ROOT / "locale_vendor"
ADMIN_CATALOGUES = [
    DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po",
    DJANGO / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po",
    DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po",
    DJANGO / "contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
]
ENGLISH_CATALOGUES = [
    *ADMIN_CATALOGUES,
    DJANGO / "conf/locale/en/LC_MESSAGES/django.po",
    VENDOR / "kk/LC_MESSAGES/django.po",  # django-reversion's msgids, among others
    ROOT / "locale/en/LC_MESSAGES/django.po",
]
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdr]|%[sdr]|\{\w*\}")
CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.I)
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}\b")
# Written the same in every language: names, codes, formats; and each language's name in that language.
SAME_IN_EVERY_LANGUAGE = {"English", "Markdown", "Adilet", "CSV", "JSON", "URL", "ID", "HTML", "PDF", "Word"}
LANGUAGE_NAMES = {name for _code, name in settings.LANGUAGES}
# Where the admin shows the records themselves (a list's cells, read-only values): one word there is a slug,
# a key or an address, not interface.
CONTENT = "#result_list tbody, .readonly, td.original, .breadcrumbs"


def read(path, lang="en"):
    with path.open("rb") as handle:
        return [m for m in read_po(handle, locale=lang) if m.id]


def placeholder_pattern(msgid: str) -> str:
    """The msgid as a pattern: a count (%d, %(count)s, %(counter)s) matches a number, other placeholders anything."""
    pattern, last = "", 0
    for match in PLACEHOLDER.finditer(msgid):
        pattern += re.escape(re.sub(r"\s+", " ", msgid[last : match.start()]))
        numeric = match.group(0).endswith("d") or re.search(r"count|counter|number", match.group(0))
        pattern += r"\d[\d\s.,]*" if numeric else "(?:.+?)"
        last = match.end()
    return pattern + re.escape(re.sub(r"\s+", " ", msgid[last:]))


@cache
def english_patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    """Every English msgid whose translation in `lang` differs from it, as a pattern its rendered text matches
    (placeholders match anything)."""
    patterns = {}
    with translation.override(lang):
        for path in ENGLISH_CATALOGUES:
            for message in read(path):
                ids = [message.id] if isinstance(message.id, str) else list(message.id)
                for msgid in ids:
                    if message.context and isinstance(message.id, tuple):
                        shown = npgettext(message.context, message.id[0], message.id[1], 2 if msgid != ids[0] else 1)
                    elif message.context:
                        shown = pgettext(message.context, msgid)
                    elif isinstance(message.id, tuple):
                        shown = ngettext(message.id[0], message.id[1], 2 if msgid != ids[0] else 1)
                    else:
                        shown = gettext(msgid)
                    words = PLACEHOLDER.sub(" ", msgid)
                    if shown == msgid or len(re.findall(r"[A-Za-z]", words)) < 4:
                        continue
                    patterns[msgid] = re.compile(placeholder_pattern(msgid.strip()), re.I)
    return list(patterns.items())


def own_language_text(node, lang):
    """The node's text without what it quotes in another language (a `<q lang="en">` in a Kazakh list item)."""
    parts = []
    for string in node.strings:
        nearest = next((p for p in string.parents if p is node or p.has_attr("lang")), None)
        if nearest is not None and nearest is not node and nearest["lang"] != lang:
            continue
        parts.append(string)
    return " ".join(parts).strip()


def texts_of(page, lang):
    """The interface texts an editor reads: headings, labels, table heads, buttons, links, options, help,
    messages and errors, and the placeholders, titles and labels of controls (not the content being edited;
    not what is marked as another language, such as the previews of the other languages' texts)."""
    found = []
    content = {id(node) for area in page.select(CONTENT) for node in [area, *area.find_all(True)]}
    hidden = {id(node) for area in page.select(".hidden, [hidden]") for node in [area, *area.find_all(True)]}
    for node in page.find_all(
        ["h1", "h2", "h3", "label", "legend", "th", "button", "a", "option", "caption", "p", "li", "span", "div", "td"]
    ):
        if id(node) in hidden:
            continue  # not displayed (a form's hidden fields)
        if node.name == "td" and "history-description" not in (node.get("class") or []):
            continue  # of table cells, only the history's descriptions are the interface's words
        if (
            node.find_parent(["textarea", "script", "style"])
            or node.name == "div"
            and "help" not in (node.get("class") or [])
        ):
            continue
        marked = node if node.has_attr("lang") else node.find_parent(attrs={"lang": True})
        if marked is not None and marked.name != "html" and marked["lang"] != lang:
            continue
        if node.name in ("p", "li", "span", "div") and node.find(["p", "li", "div", "ul", "table"]):
            continue
        text = own_language_text(node, lang)
        if id(node) in content and not re.search(r"\s", text):
            continue  # a slug, a key, a number, an address
        found.append(text)
    for node in page.find_all(attrs={"placeholder": True}):
        found.append(node["placeholder"])
    for node in page.find_all(attrs={"aria-label": True}):
        found.append(node["aria-label"])
    for node in page.find_all(attrs={"title": True}):
        if node.name != "html":
            found.append(node["title"])
    for node in page.find_all("input", attrs={"type": ["submit", "button"]}):
        found.append(node.get("value", ""))
    title = page.find("title")
    if title:
        found.extend(title.get_text().split("|"))
    texts = [" ".join(text.split()) for text in found if text and text.strip()]
    return [text for text in texts if text not in LANGUAGE_NAMES and not text.startswith(("http://", "https://"))]


def english_left(texts, lang):
    """The texts that are an English interface string (or read as English sentences) in a kk or ru page."""
    left = set()
    for text in texts:
        bare = re.sub(r"\s*\[(kk|ru|en)\]$", "", text).rstrip(":*").strip()
        for candidate in {text, bare}:
            for msgid, pattern in english_patterns(lang):
                if pattern.fullmatch(candidate):
                    left.add(f"{candidate!r} (msgid {msgid!r})")
        words = [w for w in ENGLISH_WORDS.findall(bare) if w not in SAME_IN_EVERY_LANGUAGE]
        if not CYRILLIC.search(bare) and len(words) >= 2 and any(len(w) > 3 for w in words):
            left.add(repr(bare))
    return sorted(left)


def client_in(user, lang):
    """An editor who chose `lang` with the admin's language switcher."""
    client = signed_in(user)
    response = client.post("/i18n/setlang/", {"language": lang, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    return client


def js_key(message):
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return f"{message.context}\x04{msgid}" if message.context else msgid


def javascript_catalogue(client):
    """The admin's JavaScript catalogue (/admin/jsi18n/): its messages and its date formats."""
    script = client.get("/admin/jsi18n/").content.decode()
    messages = re.search(r"const newcatalog = (\{.*?\n  \});", script, re.S).group(1)
    date_formats = re.search(r"django.formats = (\{.*?\n  \});", script, re.S).group(1)
    return json.loads(messages), json.loads(date_formats)
