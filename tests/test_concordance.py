"""From draft to law: every article of each edition names its counterpart, both ways, in kk, ru, en."""

import re
import shutil

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from concordance.models import Correspondence
from content_io import ContentErrors, parse_tree
from editorial.languages import LANGUAGE_CODES
from law.models import Article
from law.plain_language import PLAIN_LANGUAGE_BAR, average_sentence_length

from .conftest import soup, visible_text

pytestmark = pytest.mark.django_db

# Written by hand from the table "From draft to law" in law-facts.md (not read from the content):
# draft article → the law's articles it became. The principles (draft 4–11) map as one group.
DRAFT_TO_LAW = {
    "1": {"1"}, "2": {"2"}, "3": {"3"},
    **{str(n): {str(m) for m in range(4, 12)} for n in range(4, 12)},
    "12": {"12"}, "13": {"13"}, "14": {"14"}, "15": {"15"}, "16": {"16"},
    "17": {"27"}, "18": {"17"}, "19": {"18"}, "20": {"25"}, "21": {"27"}, "22": {"21"},
    "23": {"23"}, "24": {"24"}, "25": {"28"}, "26": {"29"}, "27": {"30"}, "28": {"31"},
}  # fmt: skip
NEW_IN_THE_LAW = {"19", "20", "22", "26"}


def counterparts(article):
    """The links in the article page's "what changed" box, and the box's text."""
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200, article
    box = soup(response).find("section", class_="what-changed")
    assert box is not None, f"{article}: no 'what changed' box"
    return {a["href"] for a in box.find_all("a") if "/compare/" not in a["href"]}, visible_text(box)


def url_of(edition, number):
    return Article.objects.get(edition__slug=edition, number=number).get_absolute_url()


def test_every_draft_article_names_the_law_articles_it_became():
    for number, expected in DRAFT_TO_LAW.items():
        linked, _text = counterparts(Article.objects.get(edition__slug="draft-2025", number=number))
        assert linked == {url_of("law-230-viii", n) for n in expected}, f"draft article {number}"


@translation.override("en")  # the pages in English, whichever language an earlier test left active
def test_every_law_article_names_its_draft_source_or_says_it_is_new():
    law_to_draft = {}
    for draft, laws in DRAFT_TO_LAW.items():
        for law in laws:
            law_to_draft.setdefault(law, set()).add(draft)
    for article in Article.objects.filter(edition__slug="law-230-viii"):
        linked, text = counterparts(article)
        if article.number in NEW_IN_THE_LAW:
            assert article.number not in law_to_draft
            assert not linked and "New" in text, f"law article {article.number}"
        else:
            assert linked == {url_of("draft-2025", n) for n in law_to_draft[article.number]}, article.number


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_box_speaks_the_page_language_and_every_note_is_written(lang):
    for row in Correspondence.objects.all():
        note = getattr(row, f"note_{lang}")
        assert note, f"{row.key}: no note in {lang}"
        assert average_sentence_length(note) <= PLAIN_LANGUAGE_BAR[lang], f"{row.key} ({lang}) is not plain"
    row = Correspondence.objects.get(key="classification-and-bans")
    page = soup(Client().get(f"/{lang}/ai-law/draft-2025/article-18/"))
    box = page.find("section", class_="what-changed")
    assert getattr(row, f"note_{lang}") in visible_text(box)
    assert box.find("a")["href"] == f"/{lang}/ai-law/law-230-viii/article-17/"


def test_a_row_naming_an_article_that_does_not_exist_is_refused(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    meta = content / "concordance/draft-2025--law-230-viii/meta.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"31"', '"32"', 1), encoding="utf-8")
    with pytest.raises(ContentErrors, match=r"'32' is not an article of law-230-viii"):
        parse_tree(content)


def unpublish_a_counterpart():
    """A law article that a draft article became, taken back to draft; and that draft article."""
    row = Correspondence.objects.filter(earlier_articles__isnull=False, later_articles__isnull=False).first()
    hidden = row.later_articles.order_by("position").first()
    hidden.status = "draft"
    hidden.save()
    source = row.earlier_articles.order_by("position").first()
    return hidden, source


def links_to(response, article) -> bool:
    """Whether the page links to the article or one of its own pages (not article-10 for article-1)."""
    page = re.compile(re.escape(article.get_absolute_url()) + r"($|[#?]|compare/|print/)")
    return any(page.match(a["href"]) for a in soup(response).find_all("a", href=True))


@pytest.mark.django_db
def test_the_what_changed_box_and_the_table_do_not_link_to_an_unpublished_article(admin_user):
    hidden, source = unpublish_a_counterpart()
    with translation.override("en"):
        article_page = Client().get(source.get_absolute_url())
        table = Client().get("/en/ai-law/draft-to-law/")
        assert Client().get(hidden.get_absolute_url()).status_code == 404  # where such a link would lead
        assert article_page.status_code == 200 and table.status_code == 200
        assert not links_to(article_page, hidden)
        assert not links_to(table, hidden)
        # Still named, so the row keeps its meaning.
        assert f"Article {hidden.number}" in visible_text(soup(table).find("table"))
        staff = Client()
        staff.force_login(admin_user)
        assert links_to(staff.get(source.get_absolute_url()), hidden)
        assert links_to(staff.get("/en/ai-law/draft-to-law/"), hidden)
