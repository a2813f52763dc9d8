"""Every change to content tells the page cache (through SiteState) that pages must be rebuilt.

Within a transaction (a load of content/, an import, an admin save with inlines) the many saves
bump the version once, after the commit.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone


def bump_now():
    from lawsite.caching import forget_state

    from .models import SiteState

    updated = SiteState.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
    if not updated:
        SiteState.objects.get_or_create(pk=1)
    forget_state()


def content_changed(**kwargs):
    if kwargs.get("raw"):
        return  # fixtures and reversion's raw reverts are followed by a normal save or by us
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump_now()
    elif not any(entry[1] is bump_now for entry in connection.run_on_commit):
        # Once per transaction; a rollback drops the pending bump together with the changes.
        transaction.on_commit(bump_now)


def connect(models):
    for model in models:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-changed-save-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-changed-delete-{model.__name__}")
