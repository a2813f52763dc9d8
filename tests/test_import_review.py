"""What an import does to the site's articles: a new article waits as a draft, and a new paragraph in
an article that is already explained marks the explanation for review, with a note in the site's
language that names what changed."""

import pytest
from django.utils import translation

from law.models import Article, Status
from official.importer import Source, apply, parse, plan

from .conftest import make_test_edition
from .official_documents import trial_law

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return make_test_edition()


def import_lines(edition, lines, lang="ru"):
    apply(plan(edition, parse("\n".join(lines), lang)), Source(format="text", name="law.txt"))


def test_new_articles_start_as_drafts_and_existing_ones_keep_their_status(edition):
    import_lines(edition, trial_law(drop=("Статья 5. Отчёт", "1. Проверяющий представляет отчёт.")))
    assert set(Article.objects.filter(edition=edition).values_list("status", flat=True)) == {Status.DRAFT}
    Article.objects.filter(edition=edition, number="1").update(status=Status.PUBLISHED)
    Article.objects.filter(edition=edition, number="3").update(status=Status.WITHDRAWN)
    import_lines(edition, trial_law(replace={"1. Проба – проверка системы.": "1. Проба – испытание системы."}))
    statuses = dict(Article.objects.filter(edition=edition).values_list("number", "status"))
    assert statuses == {
        "1": Status.PUBLISHED,
        "2": Status.DRAFT,
        "3": Status.WITHDRAWN,
        "4": Status.DRAFT,
        "5": Status.DRAFT,  # new in the second file
        "6": Status.DRAFT,
    }


def explained(edition, number):
    article = Article.objects.get(edition=edition, number=number)
    article.summary_ru = "Проверяющий составляет план и ведёт журнал."
    article.status = Status.PUBLISHED
    article.save()
    return article


def test_a_new_paragraph_in_an_explained_article_marks_it_for_review(edition):
    import_lines(edition, trial_law())
    article = explained(edition, "3")
    with translation.override("ru"):  # whoever imports, in whatever language
        import_lines(
            edition,
            trial_law(add_after={"3. Проверяющий хранит результаты один год.": ["4. Проверяющий сообщает о сбоях."]}),
        )
    article.refresh_from_db()
    assert article.needs_review and article.official_changed_on
    # Stored as data, read in each editor's language: the file's language named, the paragraph's label.
    with translation.override("kk"):
        reason = article.review_reason_text()
    assert "(Орысша)" in reason and "жаңа тармақ: 4" in reason
    assert "paragraph" not in reason and "пункт" not in reason
    with translation.override("ru"):
        reason = article.review_reason_text()
    assert "(Русский)" in reason and "4" in reason and "тармақ" not in reason
    assert article.status == Status.PUBLISHED
    # The new paragraph has no explanation yet: its note is flagged, so the status page lists it.
    assert article.paragraphs.get(label="4").note_needs_review
    assert not article.paragraphs.get(label="3").note_needs_review


def test_the_review_note_tells_changed_from_new_paragraphs_in_kazakh(edition):
    import_lines(edition, trial_law())
    article = explained(edition, "3")
    import_lines(
        edition,
        trial_law(
            replace={"2. Проверяющий ведёт журнал проб.": "2. Проверяющий ведёт электронный журнал проб."},
            add_after={"3. Проверяющий хранит результаты один год.": ["4. Проверяющий сообщает о сбоях."]},
        ),
    )
    article.refresh_from_db()
    with translation.override("kk"):
        reason = article.review_reason_text()
    assert "өзгерген тармақ: 2" in reason and "жаңа тармақ: 4" in reason


def test_an_article_title_change_alone_is_noted_in_kazakh(edition):
    import_lines(edition, trial_law())
    article = explained(edition, "4")
    import_lines(edition, trial_law(replace={"Статья 4. Права проверяющего": "Статья 4. Права и гарантии"}))
    article.refresh_from_db()
    with translation.override("kk"):
        assert article.needs_review and "атауы" in article.review_reason_text()
