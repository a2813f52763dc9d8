"""A search that names an article by number ("article 18", "статья 18", "18-бап"): the article of
that number in every edition, because a number means a different article in each."""

import re

from django.db.models import Case, IntegerField, Value, When

from law.models import Article, Edition
from law.presentation import article_title

NUMBER = r"(\d{1,3}(?:-\d{1,2})?)"
ARTICLE_WORD = r"(?:article|art|статья|статьи|статье|ст|бап|бабы|бабында)"
PATTERNS = [
    re.compile(rf"^{ARTICLE_WORD}\.?\s*{NUMBER}$"),  # article 18, ст. 18, бап 18
    re.compile(rf"^{NUMBER}\s*-?\s*{ARTICLE_WORD}$"),  # 18-бап, 18 бабы
    re.compile(rf"^{NUMBER}$"),  # 18
]


def article_number(text: str) -> str:
    """The article number a search names, or '' when it names none."""
    text = " ".join(text.lower().split())
    for pattern in PATTERNS:
        match = pattern.match(text)
        if match:
            return match.group(1)
    return ""


def articles_numbered(number: str, user) -> list[dict]:
    """That article in each edition, the law in force first: link, title and which edition it is."""
    if not number:
        return []
    main = Edition.objects.main()
    articles = (
        Article.objects.visible_to(user)
        .filter(number=number)
        .select_related("edition")
        .annotate(first=Case(When(edition=main, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("first", "edition__position")
    )
    return [
        {
            "article": a,
            "edition": a.edition,
            "title": article_title(a),
            "in_force": main is not None and a.edition_id == main.pk,
        }
        for a in articles
    ]
