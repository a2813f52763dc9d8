"""An editor's ordinary edit of a right or duty cannot make the question flow lose it silently.

The flow chooses records by role and `applies_if`, and names some by key (its consequence and its
deadlines). A condition that names no question of the edition's flow, or a key renamed from under
the flow, would drop a record from every visitor's result without a word: both are refused, in the
admin and in the model.
"""

import pytest
from django.core.exceptions import ValidationError

from checker.models import FlowDeclaration
from law.models import Article, RightOrDuty, Status

from .admin_forms import form_fields, signed_in
from .conftest import soup

pytestmark = pytest.mark.django_db


def flow_of(edition_slug):
    return FlowDeclaration.objects.get(edition__slug=edition_slug).declaration


def record(edition_slug, key=None):
    records = RightOrDuty.objects.filter(edition__slug=edition_slug)
    return records.get(key=key) if key else records.order_by("article__position", "position").first()


def own_page(item):
    """The record's own page, editable while its article is not published (else it leads to the article)."""
    Article.objects.filter(pk=item.article_id).update(status=Status.DRAFT)
    return f"/admin/law/rightorduty/{item.pk}/change/"


@pytest.mark.parametrize("condition", ["no_such_question=yes", "uses_ai=perhaps", "uses_ai"])
def test_a_condition_the_flow_cannot_meet_is_refused(editor, condition):
    item = record("law-230-viii")
    before = item.applies_if
    client = signed_in(editor)
    data = form_fields(client.get(own_page(item)), "rightorduty_form")
    data["applies_if"] = condition
    response = client.post(own_page(item), data)
    assert response.status_code == 200
    errors = soup(response).find(class_="errorlist")
    assert errors is not None
    item.refresh_from_db()
    assert item.applies_if == before


def test_a_condition_on_a_question_of_the_flow_is_accepted():
    declaration = flow_of("law-230-viii")
    question = declaration["questions"][-1]
    item = record("law-230-viii")
    item.applies_if = f"{question['name']}={question['values'][0]}"
    item.full_clean()  # no error


@pytest.mark.parametrize("field", ["consequence", "deadlines"])
def test_a_key_the_flow_names_cannot_be_renamed(field):
    declaration = flow_of("law-230-viii")
    key = declaration[field] if field == "consequence" else declaration[field][0]
    item = record("law-230-viii", key)
    item.key = key[:40] + "-r"
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "key" in refused.value.message_dict


def test_a_key_the_flow_does_not_name_can_be_renamed():
    declaration = flow_of("law-230-viii")
    named = {declaration["consequence"], *declaration.get("deadlines", [])}
    item = RightOrDuty.objects.filter(edition__slug="law-230-viii").exclude(key__in=named).first()
    item.key = item.key[:40] + "-r"
    item.full_clean()  # no error


def test_content_whose_record_names_no_question_of_the_flow_does_not_load(tmp_path, settings):
    import shutil

    from content_io import load
    from content_io.reader import ContentErrors

    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    meta = content / "ai-law/law-230-viii/article-17/meta.toml"
    text = meta.read_text(encoding="utf-8")
    broken = text.replace('applies_if = "banned=manipulates"', 'applies_if = "no_such_question=yes"', 1)
    assert broken != text, "the test needs article 17's first condition"
    meta.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentErrors, match="no_such_question=yes"):
        load(content, force=True)


def test_the_rule_holds_for_a_right_or_duty_of_an_article_not_yet_saved():
    """As on the admin's "add article" page, whose inline rows hold the unsaved article."""
    from law.models import Article

    existing = Article.objects.filter(edition__slug="law-230-viii").first()
    new_article = Article(edition=existing.edition, chapter=existing.chapter, number="99", position=99)
    item = RightOrDuty(article=new_article, key="a-new-duty", role="owner", kind="duty", applies_if="bogus=x")
    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["article"])
    assert "applies_if" in refused.value.message_dict
