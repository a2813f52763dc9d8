"""A saved form posted again: how a next version is shown in its form and how it is published.

The admin's own form handling does the work in both cases (validation, the check against lost
updates, inlines, history), so a next version is published exactly as if its form had been saved.
"""

from __future__ import annotations

import copy

from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

MODE = "_review_mode"
SAVE_NEXT = "save-next-version"  # an editor's save of a live record becomes its next version
SHOW_NEXT = "show-next-version"  # the change form shows the next version, not the live record
PUBLISH = "publish-next-version"  # the next version is saved onto the live record

DRAFT_VERSION_FIELD = "_draft_version"
NOT_FORM_DATA = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew", DRAFT_VERSION_FIELD}


def mode(request) -> str | None:
    return getattr(request, MODE, None)


def posted_form(request) -> dict[str, list[str]]:
    """The form as posted, without the token and the buttons: what a next version keeps."""
    return {key: request.POST.getlist(key) for key in request.POST if key not in NOT_FORM_DATA}


def as_posted(request, data: dict[str, list[str]], new_mode: str):
    """A copy of the request that posts `data` (already checked when it was first posted: no new token needed)."""
    posted = copy.copy(request)
    form = QueryDict(mutable=True)
    for key, values in data.items():
        form.setlist(key, values)
    posted.method = "POST"
    posted.POST = form
    posted._files = MultiValueDict()
    posted._dont_enforce_csrf_checks = True
    setattr(posted, MODE, new_mode)
    return posted
