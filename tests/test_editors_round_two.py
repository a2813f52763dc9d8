"""The editors' second round (issue #40): what an editor does every day keeps everyone's work."""

import pytest
from reversion.models import Version

from concordance.models import Correspondence, DeletedArticleLink
from law.models import Article, Status

from .admin_forms import form_fields, signed_in
from .conftest import soup

pytestmark = pytest.mark.django_db


def links_of(article):
    return (
        sorted(Correspondence.objects.filter(earlier_articles=article).values_list("key", flat=True)),
        sorted(Correspondence.objects.filter(later_articles=article).values_list("key", flat=True)),
    )


def test_deleting_and_recovering_an_article_keeps_its_concordance_rows(editor):
    article = Article.objects.get(edition__slug="draft-2025", number="2")
    before = links_of(article)
    assert before != ([], []), "the draft's Article 2 is in the concordance"
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)  # only what is off the site is deleted
    client = signed_in(editor)
    delete = client.post(f"/admin/law/article/{article.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert DeletedArticleLink.objects.filter(article_id=article.pk).exists()
    version = Version.objects.get_deleted(Article).filter(object_id=str(article.pk)).first()
    url = f"/admin/law/article/recover/{version.pk}/"
    recover = client.post(url, form_fields(client.get(url), "article_form"))
    assert recover.status_code == 302, soup(recover).select(".errornote, .messagelist")
    recovered = Article.objects.get(pk=article.pk)
    assert links_of(recovered) == before
    assert not DeletedArticleLink.objects.filter(article_id=article.pk).exists()


def test_the_delete_page_names_no_internal_rows(editor):
    article = Article.objects.get(edition__slug="draft-2025", number="2")
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    page = soup(signed_in(editor).get(f"/admin/law/article/{article.pk}/delete/"))
    text = page.select_one("#content").get_text(" ", strip=True)
    assert "object (" not in text and "Correspondence" not in text
    assert "search" not in text.lower()
