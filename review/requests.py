"""A saved form posted again: how a next version is shown in its form and how it is published.

The admin's own form handling does the work in both cases (validation, the check against lost
updates, inlines, history), so a next version is published exactly as if its form had been saved.
"""

from __future__ import annotations

import copy
import re

from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from editorial.compat.django_internals import without_csrf_check

MODE = "_review_mode"
SAVE_NEXT = "save-next-version"  # an editor's save of a live record becomes its next version
SHOW_NEXT = "show-next-version"  # the change form shows the next version, not the live record
PUBLISH = "publish-next-version"  # the next version is saved onto the live record

DRAFT_VERSION_FIELD = "_draft_version"
LOADED_VERSION = re.compile(r"^(?P<prefix>.+)-(?P<index>\d+)-loaded_version$")
NOT_FORM_DATA = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew", DRAFT_VERSION_FIELD}


def mode(request) -> str | None:
    return getattr(request, MODE, None)


def posted_form(request) -> dict[str, list[str]]:
    """The form as posted, without the token, the buttons and the admin's own flags (`_popup`,
    `_changelist_filters`…): what a next version keeps."""
    return {
        key: request.POST.getlist(key) for key in request.POST if key not in NOT_FORM_DATA and not key.startswith("_")
    }


def with_live_versions(data: dict[str, list[str]], obj, models_by_prefix: dict) -> dict[str, list[str]]:
    """The form with the versions it was read at replaced by the live ones: for a restore from history,
    whose form was read from an old copy and is meant to replace what is live."""
    data = dict(data)
    data["loaded_version"] = [str(obj.version)]
    for key in list(data):
        match = LOADED_VERSION.match(key)
        if match is None or match["prefix"] not in models_by_prefix:
            continue
        pk = (data.get(f"{match['prefix']}-{match['index']}-id") or [""])[-1]
        model = models_by_prefix[match["prefix"]]
        live = model._default_manager.filter(pk=pk).values_list("version", flat=True).first() if pk else None
        if live is not None:
            data[key] = [str(live)]
    return data


def as_posted(request, data: dict[str, list[str]], new_mode: str):
    """A copy of the request that posts `data` (already checked when it was first posted: no new token needed)."""
    posted = copy.copy(request)
    form = QueryDict(mutable=True)
    for key, values in data.items():
        form.setlist(key, values)
    posted.method = "POST"
    posted.POST = form
    posted._files = MultiValueDict()
    without_csrf_check(posted)
    setattr(posted, MODE, new_mode)
    return posted
