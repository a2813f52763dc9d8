"""An article's concordance links outlive its deletion, so that recovering it restores them.

Deleting an article drops the rows of the many-to-many tables that link it to concordance rows
("what became of this article"). Before the delete, its links are written down (DeletedArticleLink);
when an article with that id is saved again (django-reversion's recover inserts it with its old id),
they are put back and the notes deleted.
"""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from law.models import Article

from .models import Correspondence, DeletedArticleLink

SIDES = {DeletedArticleLink.Side.EARLIER: "earlier_articles", DeletedArticleLink.Side.LATER: "later_articles"}


@receiver(pre_delete, sender=Article, dispatch_uid="concordance_keep_links_of_deleted_article")
def keep_links(sender, instance, using, **kwargs):
    rows = []
    for side, name in SIDES.items():
        for row in Correspondence.objects.using(using).filter(**{name: instance.pk}):
            rows.append(DeletedArticleLink(article_id=instance.pk, correspondence=row, side=side))
    DeletedArticleLink.objects.using(using).filter(article_id=instance.pk).delete()
    DeletedArticleLink.objects.using(using).bulk_create(rows)


@receiver(post_save, sender=Article, dispatch_uid="concordance_restore_links_of_recovered_article")
def restore_links(sender, instance, using, **kwargs):
    kept = list(DeletedArticleLink.objects.using(using).filter(article_id=instance.pk).select_related("correspondence"))
    if not kept:
        return
    for link in kept:
        getattr(link.correspondence, SIDES[link.side]).add(instance.pk)
    DeletedArticleLink.objects.using(using).filter(pk__in=[link.pk for link in kept]).delete()
