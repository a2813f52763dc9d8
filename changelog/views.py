"""/<lang>/changes/: the change log of the explanations, and its Atom feed in each language."""

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from law.presentation import article_title

from . import log


def change_log(request):
    return render(request, "changelog/log.html", {"entries": log.entries(limit=50)})


class ChangeFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Changes to the explanations") + " · " + _("AI law explained")

    def subtitle(self):
        return _("What changed in the plain-language explanations, newest first.")

    def link(self):
        return reverse("changelog:log")

    def items(self):
        return log.entries(limit=30)

    def item_title(self, entry):
        edition = entry.article.edition.short_title or entry.article.edition.slug
        title = article_title(entry.article)
        heading = _("Article %(number)s") % {"number": entry.article.number}
        return f"{edition}, {heading}" + (f": {title}" if title else "")

    def item_description(self, entry):
        return _("Changed: %(what)s.") % {"what": entry.summary()}

    def item_link(self, entry):
        return entry.article.get_absolute_url()

    def item_guid(self, entry):
        return f"change-{entry.revision_id}-{entry.article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.when

    def item_updateddate(self, entry):
        return entry.when
