"""Review before publishing (review/): a published article keeps its live version while its next
version is edited and reviewed, a second editor publishes, work is returned with a comment."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from law.models import Article, Page, RightOrDuty, Status
from review.models import Draft
from review.snapshot import record_fields

from .admin_forms import change_url, form_fields, review_url, save_next_version, signed_in
from .conftest import soup, visible_text

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]
# A publish from the list, confirmed on the page that shows what it publishes.
PUBLISH_CONFIRMED = {"action": "publish", "index": 0, "confirmed": "yes"}
PUBLIC = "/en/ai-law/draft-2025/article-16/"


def article(number="16"):
    return Article.objects.get(edition__slug="draft-2025", number=number)


def test_an_edit_of_a_published_article_waits_as_its_next_version(editor):
    client = signed_in(editor)
    target = article()
    before = Client().get(PUBLIC).content
    response = save_next_version(client, target, summary_en="A **new** summary.\r\nIn two lines.")
    assert response.status_code == 302 and response["Location"] == change_url(target)
    target.refresh_from_db()
    assert "new" not in target.summary_en  # the live article is unchanged
    assert Client().get(PUBLIC).content == before
    # The form shows the next version, not the live text, and says so.
    page = client.get(change_url(target))
    assert "A **new** summary." in soup(page).find("textarea", attrs={"name": "summary_en"}).get_text()
    assert soup(page).find(class_="review-box") is not None
    draft = Draft.of(target)
    assert draft.changed_by == editor and draft.version == 1
    assert record_fields(draft.data)["summary_en"] == "A **new** summary.\nIn two lines."


def test_the_author_cannot_publish_and_a_second_editor_can(editor, colleague):
    target = article()
    save_next_version(signed_in(editor), target, summary_en="Reviewed words.")
    refused = signed_in(editor).post(review_url(target), {"step": "publish"}, follow=True)
    assert soup(refused).select(".messagelist .error")  # "…so another editor must review and publish it."
    target.refresh_from_db()
    assert target.summary_en != "Reviewed words."
    review = signed_in(colleague).get(review_url(target))
    diff = soup(review).select(".word-diff ins")
    assert "Reviewed words." in " ".join(tag.get_text() for tag in diff)
    signed_in(colleague).post(review_url(target), {"step": "publish"})
    target.refresh_from_db()
    assert target.summary_en == "Reviewed words." and target.status == Status.PUBLISHED
    assert not Draft.of(target).data and Draft.of(target).changed_by is None
    assert "Reviewed words." in Client().get(PUBLIC).content.decode()
    latest = Version.objects.get_for_object(target).first()
    assert latest.revision.user == colleague and latest.revision.comment


def test_one_editor_may_publish_alone_when_the_setting_says_so(editor, settings):
    settings.REVIEW_NEEDS_SECOND_EDITOR = False
    target = article()
    save_next_version(signed_in(editor), target, summary_en="Alone.")
    signed_in(editor).post(review_url(target), {"step": "publish"})
    target.refresh_from_db()
    assert target.summary_en == "Alone."


def test_sending_to_review_keeps_the_page_and_its_duties_live(editor):
    target = article()
    response = signed_in(editor).post(
        "/admin/law/article/?edition=all", {"action": "send_to_review", "_selected_action": [target.pk], "index": 0}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.status == Status.PUBLISHED and Draft.of(target).state == Draft.State.IN_REVIEW
    assert Client().get(PUBLIC).status_code == 200
    assert RightOrDuty.objects.published().filter(article=target).exists()


def test_returned_work_shows_the_comment_to_its_author(editor, colleague):
    target = article()
    save_next_version(signed_in(editor), target, summary_en="Too long a summary.")
    signed_in(editor).post(review_url(target), {"step": "send"})
    waiting = soup(signed_in(colleague).get("/admin/review/draft/my-work/"))
    assert review_url(target) in [a["href"] for a in waiting.find_all("a")]
    signed_in(colleague).post(review_url(target), {"step": "return", "comment": "Split the first sentence."})
    form = soup(signed_in(editor).get(change_url(target)))
    assert "Split the first sentence." in visible_text(form.find(class_="review-comment"))
    mine = soup(signed_in(editor).get("/admin/review/draft/my-work/"))
    assert "Split the first sentence." in visible_text(mine)
    empty = signed_in(colleague).post(review_url(target), {"step": "return", "comment": " "}, follow=True)
    assert Draft.of(target).comment == "Split the first sentence."
    assert empty.status_code == 200


def test_two_editors_on_one_next_version_do_not_overwrite_each_other(editor, colleague):
    target = article()
    first, second = signed_in(editor), signed_in(colleague)
    mine = form_fields(first.get(change_url(target)), "article_form")
    theirs = form_fields(second.get(change_url(target)), "article_form")
    mine["summary_en"] = "Mine."
    assert first.post(change_url(target), mine).status_code == 302
    theirs["summary_ru"] = "Их."
    refused = second.post(change_url(target), theirs)
    assert refused.status_code == 200
    assert soup(refused).select(".errornote, .errorlist")
    assert record_fields(Draft.of(target).data)["summary_en"] == "Mine."


def test_a_next_version_can_add_a_duty_and_publishing_adds_it(editor, colleague):
    target = article()
    client = signed_in(editor)
    data = form_fields(client.get(change_url(target)), "article_form")
    index = int(data["rights_and_duties-TOTAL_FORMS"])
    data["rights_and_duties-TOTAL_FORMS"] = str(index + 1)
    prefix = f"rights_and_duties-{index}-"
    data.update(
        {
            prefix + "key": "user-new-duty-under-review",
            prefix + "role": "user",
            prefix + "kind": "duty",
            prefix + "position": "99",
            prefix + "text_kk": "Жаңа міндет.",
            prefix + "text_ru": "Новая обязанность.",
            prefix + "text_en": "A new duty.",
            prefix + "article": str(target.pk),
        }
    )
    assert client.post(change_url(target), data).status_code == 302
    assert not RightOrDuty.objects.filter(key="user-new-duty-under-review").exists()
    signed_in(colleague).post(review_url(target), {"step": "publish"})
    assert RightOrDuty.objects.get(key="user-new-duty-under-review").article == target


def test_new_articles_and_pages_start_as_drafts(editor):
    client = signed_in(editor)
    target = article()
    data = form_fields(client.get("/admin/law/article/add/"), "article_form")
    data.update(
        {
            "edition": str(target.edition_id),
            "chapter": str(target.chapter_id),
            "number": "99",
            "position": "999",
            "plain_title_en": "New",
            "summary_en": "New.",
        }
    )
    response = client.post("/admin/law/article/add/", data)
    assert response.status_code == 302, visible_text(soup(response).find(class_="errornote") or soup(response))
    assert Article.objects.get(edition=target.edition, number="99").status == Status.DRAFT
    page = form_fields(client.get("/admin/law/page/add/"), "page_form")
    page.update({"slug": "new-page", "title_en": "New page", "body_en": "Body."})
    assert client.post("/admin/law/page/add/", page).status_code == 302
    assert Page.objects.get(slug="new-page").status == Status.DRAFT


def test_bulk_publish_refuses_the_authors_own_work_and_marks_checked(editor, colleague):
    target = article("20")
    client = signed_in(editor)
    list_action(client, "take_off_the_site", target)
    list_action(signed_in(colleague), "take_off_the_site", target)
    data = form_fields(client.get(change_url(target)), "article_form")
    data["summary_en"] = "Edited while off the site."
    client.post(change_url(target), data)
    target.refresh_from_db()
    assert target.status == Status.DRAFT and target.summary_en == "Edited while off the site."
    client.post("/admin/law/article/?edition=all", PUBLISH_CONFIRMED | {"_selected_action": [target.pk]})
    target.refresh_from_db()
    assert target.status == Status.DRAFT
    signed_in(colleague).post("/admin/law/article/?edition=all", PUBLISH_CONFIRMED | {"_selected_action": [target.pk]})
    target.refresh_from_db()
    assert target.status == Status.PUBLISHED
    Article.objects.filter(pk=target.pk).update(last_checked=timezone.localdate() - datetime.timedelta(days=400))
    signed_in(colleague).post(
        "/admin/law/article/?edition=all", {"action": "mark_checked", "_selected_action": [target.pk], "index": 0}
    )
    target.refresh_from_db()
    assert target.last_checked != timezone.localdate()  # published: the date waits in its next version
    client.post(review_url(target), {"step": "publish"})
    target.refresh_from_db()
    assert target.last_checked == timezone.localdate()
    comments = [v.revision.comment for v in Version.objects.get_for_object(target)[:3]]
    assert any(comments) and all(comments)


def test_the_status_field_cannot_be_posted_to_publish(editor, colleague):
    target = article("20")
    client = signed_in(editor)
    list_action(client, "take_off_the_site", target)
    list_action(signed_in(colleague), "take_off_the_site", target)
    data = form_fields(client.get(change_url(target)), "article_form")
    assert "status" not in data
    data["status"] = "published"
    client.post(change_url(target), data)
    target.refresh_from_db()
    assert target.status == Status.DRAFT


def list_action(client, action, *objs):
    return client.post(
        "/admin/law/article/?edition=all",
        {"action": action, "_selected_action": [o.pk for o in objs], "index": 0, "confirmed": "yes"},
        follow=True,
    )


def test_the_author_cannot_clear_their_name_to_publish_alone(editor, colleague):
    target = article("20")
    client = signed_in(editor)
    list_action(client, "take_off_the_site", target)
    list_action(signed_in(colleague), "take_off_the_site", target)
    data = form_fields(client.get(change_url(target)), "article_form")
    data["summary_en"] = "My own unreviewed words."
    client.post(change_url(target), data)
    refused = client.post(review_url(target), {"step": "discard"}, follow=True)
    assert soup(refused).select(".messagelist .error")  # "There is no next version to discard."
    client.post(review_url(target), {"step": "publish"})
    target.refresh_from_db()
    assert target.status == Status.DRAFT
    draft = Draft.of(target)
    assert client.get(f"/admin/review/draft/{draft.pk}/delete/").status_code == 403
    assert Draft.of(target).changed_by == editor


def test_a_right_or_duty_of_a_published_article_cannot_be_changed_or_deleted_on_its_own_pages(editor):
    target = article()
    item = target.rights_and_duties.first()
    client = signed_in(editor)
    assert client.get(f"/admin/law/rightorduty/{item.pk}/delete/").status_code == 403
    response = client.get(f"/admin/law/rightorduty/{item.pk}/change/")
    assert response.status_code == 302 and response["Location"].startswith(change_url(target))
    add = soup(client.get("/admin/law/rightorduty/add/"))
    choices = {option["value"] for option in add.select("select[name=article] option") if option["value"]}
    assert str(target.pk) not in choices


def test_taking_off_the_site_waits_for_a_next_version_to_be_settled(editor):
    target = article()
    client = signed_in(editor)
    save_next_version(client, target, summary_en="Waiting.")
    list_action(client, "take_off_the_site", target)
    target.refresh_from_db()
    assert target.status == Status.PUBLISHED and Draft.of(target).data


def test_a_restore_of_a_published_article_becomes_its_next_version(editor, colleague):
    target = article()
    before = target.summary_en
    oldest = Version.objects.get_for_object(target).order_by("revision__date_created").first()
    # The live text changes (published by a colleague), then the editor restores the loaded version.
    save_next_version(signed_in(colleague), target, summary_en="Changed and published.")
    signed_in(editor).post(review_url(target), {"step": "publish"})
    target.refresh_from_db()
    assert target.summary_en == "Changed and published."
    url = f"/admin/law/article/{target.pk}/history/{oldest.pk}/"
    client = signed_in(editor)
    response = client.post(url, form_fields(client.get(url), "article_form"))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.summary_en == "Changed and published."  # still live
    assert record_fields(Draft.of(target).data)["summary_en"] == before
    signed_in(colleague).post(review_url(target), {"step": "publish"})
    target.refresh_from_db()
    assert target.summary_en == before


def test_publishing_from_the_list_keeps_duties_tied_to_their_paragraph(editor, colleague):
    from law.models import Paragraph

    target = article()
    paragraph = Paragraph.objects.create(article=target, label="1", position=1, note_en="A note.")
    RightOrDuty.objects.filter(pk=target.rights_and_duties.first().pk).update(paragraph=paragraph)
    save_next_version(signed_in(editor), target, summary_en="Published from the list.")
    list_action(signed_in(colleague), "publish", target)
    target.refresh_from_db()
    assert target.summary_en == "Published from the list."
    assert RightOrDuty.objects.filter(article=target, paragraph=paragraph).exists()


def test_the_review_page_shows_only_what_changes(editor, colleague):
    target = article()
    target.last_checked = timezone.localdate()
    target.save()
    save_next_version(signed_in(editor), target, summary_en="Only this changed.")
    page = soup(signed_in(colleague).get(review_url(target)))
    rows = page.select(".review-diff tr")
    assert len(rows) == 1 and "[en]" in visible_text(rows[0].find("th"))


def test_a_next_version_the_published_record_moved_past_says_how_to_get_out(editor):
    target = article()
    client = signed_in(editor)
    save_next_version(client, target, summary_en="Written before an import.")
    assert not soup(client.get(change_url(target))).select(".review-box .errornote")
    Article.objects.get(pk=target.pk).save()  # the published record changes (as an import would)
    page = soup(client.get(change_url(target)))
    assert page.select_one(".review-box .errornote a")["href"] == review_url(target)


def test_an_unticked_box_shows_on_the_review_page(editor, colleague):
    target = article()
    target.needs_review_en = True
    target.save()
    client = signed_in(editor)
    data = form_fields(client.get(change_url(target)), "article_form")
    del data["needs_review_en"]  # unticked: a browser leaves it out
    client.post(change_url(target), data)
    rows = soup(signed_in(colleague).get(review_url(target))).select(".review-diff tr")
    assert len(rows) == 1 and rows[0].select("del")
