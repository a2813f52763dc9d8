"""The delete confirmation page, in words editors use.

Django lists every row a deletion takes with it, named by its model: for an article that includes
the search index's rows and the rows of the tables that link it to the concordance
("Correspondence_later_articles object (4)"). Here the search index is left out (it follows the
article by itself) and a concordance link is named as the row of the table it belongs to.
"""

from __future__ import annotations

from django.contrib.admin.utils import NestedObjects, quote
from django.db import router
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# Apps whose rows follow a record by themselves (the search index): not listed.
HIDDEN_APPS = ("search",)


def concordance_link_label(link) -> str:
    row = link.correspondence

    def numbers(articles):
        return ", ".join(_("Article %(number)s") % {"number": a.number} for a in articles) or "—"

    return _("Row of the concordance “%(key)s”: %(earlier)s — %(later)s") % {
        "key": row.key,
        "earlier": numbers(row.earlier_articles.all()),
        "later": numbers(row.later_articles.all()),
    }


def is_concordance_link(obj) -> bool:
    model = type(obj)
    return model._meta.auto_created and getattr(obj, "correspondence_id", None) is not None


def pruned(nested: list) -> list:
    """Django's nested list ([item, [its children], item, …]) without the items left out (None) and
    their children."""
    out, skip_children = [], False
    for item in nested:
        if isinstance(item, list):
            if not skip_children and (children := pruned(item)):
                out.append(children)
            skip_children = False
        else:
            skip_children = item is None
            if item is not None:
                out.append(item)
    return out


class ReadableDeletion:
    """For a ModelAdmin: the delete page lists what goes, by the names editors know."""

    def get_deleted_objects(self, objs, request):
        try:
            first = objs[0]
        except IndexError:
            return [], {}, set(), []
        collector = NestedObjects(using=router.db_for_write(first._meta.model), origin=objs)
        collector.collect(objs)
        perms_needed = set()
        site = self.admin_site

        def label(obj):
            if obj._meta.app_label in HIDDEN_APPS:
                return None
            if is_concordance_link(obj):
                return concordance_link_label(obj)
            opts = obj._meta
            if not site.is_registered(type(obj)):
                return f"{capfirst(opts.verbose_name)}: {obj}"
            if not site.get_model_admin(type(obj)).has_delete_permission(request, obj):
                perms_needed.add(opts.verbose_name)
            try:
                url = reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_change", args=(quote(obj.pk),))
            except NoReverseMatch:
                return f"{capfirst(opts.verbose_name)}: {obj}"
            return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)

        to_delete = pruned(collector.nested(label))
        protected = [label(obj) for obj in collector.protected]
        counts = {}
        for model, found in collector.model_objs.items():
            if model._meta.app_label in HIDDEN_APPS:
                continue
            name = _("rows of the concordance") if model._meta.auto_created else model._meta.verbose_name_plural
            counts[name] = counts.get(name, 0) + len(found)
        return to_delete, counts, perms_needed, protected
