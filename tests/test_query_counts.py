"""Every public page runs a fixed, small number of SQL queries, however large the law grows."""

import pytest
from django.test import Client

from checker.models import FlowDeclaration
from law.models import Act, Article, Chapter, Edition, GlossaryTerm, Paragraph, RightOrDuty

pytestmark = pytest.mark.django_db

SIZE = 500


@pytest.fixture
def big_edition():
    """A generated edition of 500 articles, each with 4 paragraphs and 2 rights or duties, 500 glossary
    terms and a one-question flow whose result lists all 1,000 rights."""
    edition = Edition.objects.create(
        act=Act.objects.get(slug="ai-law"), slug="big", kind="law", legal_status="in_force", title_en="Big law"
    )
    chapters = Chapter.objects.bulk_create(
        Chapter(edition=edition, key=str(n), number=str(n), title_en=f"Chapter {n}", position=n) for n in range(10)
    )
    articles = Article.objects.bulk_create(
        Article(
            edition=edition,
            chapter=chapters[n % 10],
            number=str(n + 1),
            position=n,
            plain_title_en=f"Article about topic {n}",
            summary_en=f"Summary {n}.",
            summary_html_en=f"<p>Summary {n}.</p>",
        )
        for n in range(SIZE)
    )
    Paragraph.objects.bulk_create(
        Paragraph(article=a, label=str(p + 1), position=p, official_text_en=f"Text {a.number}.{p}")
        for a in articles
        for p in range(4)
    )
    RightOrDuty.objects.bulk_create(
        RightOrDuty(
            key=f"big-{a.number}-{k}",
            edition=edition,
            article=a,
            role="user",
            kind="right",
            text_en="A right.",
            position=k,
        )
        for a in articles
        for k in range(2)
    )
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            edition=edition, slug=f"term-{n}", name_en=f"term {n}", definition_html_en="<p>x</p>", position=100 + n
        )
        for n in range(SIZE)
    )
    FlowDeclaration.objects.create(
        edition=edition, declaration={"questions": [{"name": "uses_ai", "values": ["yes", "no"], "role": "user"}]}
    )
    return edition


@pytest.mark.parametrize(
    "url",
    [
        "/en/ai-law/big/",
        "/en/ai-law/big/article-250/",
        "/en/ai-law/big/article-250/print/",
        "/en/ai-law/big/glossary/",
        "/en/ai-law/big/check/result/?uses_ai=yes",
        "/en/ai-law/draft-2025/check/result/?uses_ai=yes&provides_ai=yes&data_library=yes&autonomy=assistive"
        "&capabilities=none&risk=high&generates_content=yes",
        "/en/",
        "/en/search/?q=topic",
        "/kk/search/?q=kukyk+topic",
        "/en/ai-law/big/article-250/compare/?langs=kk,ru,en",
    ],
)
def test_pages_run_a_fixed_number_of_queries(big_edition, django_assert_max_num_queries, url):
    client = Client()
    # 9: the article page also reads the versions of its official text (one query).
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200
    if "/big/check/result/" in url:
        assert response.content.count(b'class="duty duty--right"') == 2 * SIZE


def test_the_booklet_of_a_large_edition_stays_bounded(big_edition, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert Client().get("/en/ai-law/big/print/").status_code == 200
