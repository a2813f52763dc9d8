"""Every change to content that the public can see tells the page cache (through SiteState) that
pages must be rebuilt.

Within a transaction (a load of content/, an import, an admin save with inlines) the many saves
bump the version once, after the commit.

A save the public cannot see leaves the cached pages alone, so that editors working on a draft do
not empty the cache for every visitor. What the public sees of an article is decided by its status
alone (Article.objects.visible_to; the question flow and search filter the same way): a save
is unseen when the article is not published after it and was not published before it. The same goes
for its paragraphs, rights and duties. One thing of a hidden article does show: the glossary names
the article a term comes from by number and edition, so changing those bumps all the same. Deletes
always bump: deleting an article unlinks the glossary terms that point at it, without a signal.

Why the cache is not purged URL by URL (as wagtail's frontend cache or regulations3k do for a CDN):
one record shows on an open-ended set of URLs. An article's explanation is on its page in three
languages, its print and side-by-side pages (with any `?langs=`), the edition's contents and booklet,
every search result page whose query it matches (any `?q=`) and every question-flow result that
lists its duties (thousands of answer sets); a glossary term's name is linked from every explanation
that uses it. A list of URLs to purge would be either incomplete or the whole site. A version number
in the cache key is exact and costs one counter per change; a CDN in front revalidates within
PUBLIC_PAGE_MAX_AGE with the ETag and Last-Modified it got.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from editorial.compat.django_internals import on_commit_pending

from .changes import site_version_changed
from .models import Article, Paragraph, RightOrDuty, SiteState, Status


def bump_now():
    updated = SiteState.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
    if not updated:
        SiteState.objects.get_or_create(pk=1)
    site_version_changed.send(sender=SiteState)


def bump_pending() -> bool:
    """A bump is already due at the end of the present transaction."""
    return on_commit_pending(transaction.get_connection(), bump_now)


def bump():
    if not transaction.get_connection().in_atomic_block:
        bump_now()
    elif not bump_pending():
        # Once per transaction; a rollback drops the pending bump together with the changes.
        transaction.on_commit(bump_now)


# --------------------------------------------------------------------------- what the public sees

PUBLIC = "public"
HIDDEN = "hidden"
HIDEABLE = (Article, Paragraph, RightOrDuty)


def article_view(status, number, edition_id):
    """What visitors see of an article: all of it when published, else its number and edition only."""
    return PUBLIC if status == Status.PUBLISHED else (HIDDEN, number, edition_id)


def part_view(article_status):
    """A paragraph, right or duty shows where its article does (an article not found: as if public)."""
    return HIDDEN if article_status not in (None, Status.PUBLISHED) else PUBLIC


def stored_view(sender, instance):
    """What visitors see of the record as the database holds it before a save; None if it is new."""
    if instance.pk is None:
        return None
    stored = sender.objects.filter(pk=instance.pk)
    if sender is Article:
        row = stored.values_list("status", "number", "edition_id").first()
        return article_view(*row) if row else None
    status = stored.values_list("article__status", flat=True).first()
    return part_view(status) if status else None


def saved_view(sender, instance):
    """What visitors see of the record as it has just been saved."""
    if sender is Article:
        return article_view(instance.status, instance.number, instance.edition_id)
    return part_view(Article.objects.filter(pk=instance.article_id).values_list("status", flat=True).first())


def remember_view(sender, instance, raw=False, **kwargs):
    """pre_save of an article or one of its parts: what the public saw of it (one query)."""
    if not raw and not bump_pending():  # with a bump due anyway, there is nothing to decide
        instance._view_before_save = stored_view(sender, instance)


def content_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return  # fixtures and reversion's raw reverts are followed by a normal save or by us
    before = instance.__dict__.pop("_view_before_save", PUBLIC)
    if before != PUBLIC:
        after = saved_view(sender, instance)
        if after != PUBLIC and before in (None, after):
            return  # hidden now, and new or hidden the same way before: no visitor can tell
    bump()


def content_deleted(sender, instance, **kwargs):
    bump()


def connect(models):
    for model in models:
        if issubclass(model, HIDEABLE):
            pre_save.connect(remember_view, sender=model, dispatch_uid=f"content-view-before-{model.__name__}")
        post_save.connect(content_saved, sender=model, dispatch_uid=f"content-changed-save-{model.__name__}")
        post_delete.connect(content_deleted, sender=model, dispatch_uid=f"content-changed-delete-{model.__name__}")
