"""No silent overwrites: a save based on a stale copy is refused at save time, however it is made."""

import pytest
from django.db import transaction

from editorial.models import StaleEdit
from law.models import Article, RightOrDuty

pytestmark = pytest.mark.django_db


def test_a_second_copy_cannot_overwrite_a_newer_save():
    first = Article.objects.get(edition__slug="draft-2025", number="15")
    second = Article.objects.get(pk=first.pk)
    first.summary_en = "Saved first."
    first.save()
    second.summary_en = "Saved from a stale copy."
    with pytest.raises(StaleEdit), transaction.atomic():  # a savepoint, as a request would have
        second.save()
    assert Article.objects.get(pk=first.pk).summary_en == "Saved first."


def test_the_same_copy_can_be_saved_again():
    item = RightOrDuty.objects.filter(edition__slug="draft-2025").first()
    item.text_en = "One."
    item.save()
    item.text_en = "Two."
    item.save()
    assert RightOrDuty.objects.get(pk=item.pk).text_en == "Two."


def test_a_record_changed_elsewhere_refuses_an_edit_of_its_old_version():
    """As when an inline row on an article page was changed meanwhile on its own page."""
    page_copy = RightOrDuty.objects.filter(edition__slug="draft-2025").first()
    inline_copy = RightOrDuty.objects.get(pk=page_copy.pk)
    page_copy.text_ru = "Изменено на своей странице."
    page_copy.save()
    inline_copy.text_ru = "Изменено в форме статьи."
    with pytest.raises(StaleEdit), transaction.atomic():
        inline_copy.save()
    assert RightOrDuty.objects.get(pk=page_copy.pk).text_ru == "Изменено на своей странице."
