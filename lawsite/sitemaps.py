"""sitemap.xml: every public page in kk, ru and en, each with its hreflang alternates.

Django's sitemaps framework writes one <url> per page and language (i18n) and links the three
(alternates, plus x-default for the visitor's own choice). Only what the public can open is listed:
published articles and pages, editions, glossaries and the question flows' start pages. Answers,
results, print views and searches are made from a query and are left out.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from checker.models import FlowDeclaration
from law.models import Article, Edition, Page
from law.models.pages import PAGE_URLS


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class FixedPages(SiteSitemap):
    """The pages every visitor starts from: home, the glossary, the question flow."""

    priority = 0.8

    def items(self):
        names = ["law:home", "law:glossary", "changelog:log"]
        if Edition.objects.filter(flow_declaration__isnull=False).exists():
            names.append("checker:start")
        return names

    def location(self, item):
        return reverse(item)


class ContentPages(SiteSitemap):
    priority = 0.5

    def items(self):
        slugs = Page.objects.published().filter(slug__in=PAGE_URLS).values_list("slug", flat=True)
        return sorted(slugs)

    def location(self, item):
        return reverse(PAGE_URLS[item])


class Editions(SiteSitemap):
    """Each edition's table of contents, glossary and (if it has one) question flow."""

    priority = 0.7

    def items(self):
        rows = []
        flows = set(FlowDeclaration.objects.values_list("edition__slug", flat=True))
        main = Edition.objects.main()
        for edition in Edition.objects.all():
            rows.append(("law:edition", edition.slug))
            if edition.terms.exists():
                rows.append(("law:edition_glossary", edition.slug))
            if edition.slug in flows and edition != main:  # the main edition's flow is /<lang>/check/
                rows.append(("checker:edition_start", edition.slug))
        return rows

    def location(self, item):
        name, slug = item
        return reverse(name, kwargs={"edition": slug})


class Articles(SiteSitemap):
    priority = 0.6

    def items(self):
        return Article.objects.published().select_related("edition").order_by("edition__in_force_from", "position")

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return getattr(item, "updated_at", None)


SITEMAPS = {"pages": FixedPages, "content": ContentPages, "editions": Editions, "articles": Articles}
