"""Public URLs of the law browser (see the URL contract in DESIGN.md)."""

from django.urls import path, register_converter

from . import views


class ArticleNumberConverter:
    regex = r"\d+(?:-\d+)*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ArticleNumberConverter, "number")

app_name = "law"
urlpatterns = [
    path("", views.home, name="home"),
    path("ai-law/<slug:edition>/", views.edition, name="edition"),
    path("ai-law/<slug:edition>/print/", views.edition_print, name="edition_print"),
    path("ai-law/<slug:edition>/article-<number:number>/", views.article, name="article"),
    path("ai-law/<slug:edition>/article-<number:number>/print/", views.article_print, name="article_print"),
    path("ai-law/<slug:edition>/article-<number:number>/compare/", views.article_compare, name="article_compare"),
    path("ai-law/<slug:edition>/glossary/", views.glossary, name="edition_glossary"),
    path("ai-law/<slug:edition>/glossary/terms.json", views.glossary_terms, name="edition_glossary_terms"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/terms.json", views.glossary_terms, name="glossary_terms"),
    path("committee/", views.committee, name="committee"),
    path("liability/", views.liability, name="liability"),
    path("about/", views.about, name="about"),
]
