"""The public list of changes to an edition's official text, version by version."""

from urllib.parse import urlsplit

from django.shortcuts import get_object_or_404, render

from editorial.languages import LANGUAGE_NAMES
from law import presentation
from law.models import Article, Edition

from .versions import edition_versions, word_diff


def changes(request, edition):
    edition = get_object_or_404(Edition, slug=edition)
    versions = edition_versions(edition)
    visible = set(Article.objects.visible_to(request.user).filter(edition=edition).values_list("number", flat=True))
    known = set(Article.objects.filter(edition=edition).values_list("number", flat=True))
    for version in versions:
        version.language_name = LANGUAGE_NAMES.get(version.lang, version.lang)
        version.rows = []
        if version.is_first:
            continue
        for change in version.changes.all():
            if change.article_number in known and change.article_number not in visible:
                continue  # an unpublished article's text is not shown here either
            change.linked = change.article_number in visible
            change.runs = word_diff(change.before, change.after) if change.kind == "changed" else []
            version.rows.append(change)
    context = {
        "edition": edition,
        "versions": versions,
        "notice": presentation.edition_status_notice(edition),
        # Where an uploaded file came from: the official publication the edition links to, never
        # the name an editor's computer gave the file.
        "official_host": urlsplit(edition.official_url or "").hostname or "",
    }
    return render(request, "official/changes.html", context)
