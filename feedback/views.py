"""/<lang>/feedback/: the answer to "Is this page useful?", and the thank-you page after it.

The article and result pages are cached whole and identical for every visitor, so their yes/no
block is a plain GET form with no CSRF token; it leads here. Only this page carries the token, and
so sets the CSRF cookie (which also keeps it out of the page cache: see lawsite/caching.py). No
session is opened and nothing about the visitor is stored (see rate_limit.py).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lawsite.middleware import takes_posted_forms

from . import rate_limit
from .forms import ANSWERS, UNKNOWN_PAGE, FeedbackForm
from .models import PageFeedback
from .pages import find_page

# Where each field's error message links to, from the error summary (none for the page: not a field).
FIELD_IDS = {"page": "", "useful": "feedback-useful-yes", "comment": "feedback-comment"}


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


@takes_posted_forms
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    if request.method == "POST":
        return receive(request)
    page = find_page(request.GET.get("page", ""))
    if page is None:
        return render_form(request, None, {"page": [UNKNOWN_PAGE]}, status=400)
    useful = request.GET.get("useful", "")
    return render_form(request, page, {}, useful=useful if useful in ANSWERS else "")


def receive(request):
    if not rate_limit.allow(request):
        context = {"page": find_page(request.POST.get("page", ""))}
        response = render(request, "feedback/too_many.html", context, status=429)
        response["Retry-After"] = str(settings.FEEDBACK_RATE_WINDOW)
        return response
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        useful, comment = request.POST.get("useful", ""), request.POST.get("comment", "")
        page = form.cleaned_data.get("page")
        return render_form(request, page, form.errors, useful=useful, comment=comment, status=400)
    page = form.cleaned_data["page"]
    PageFeedback.objects.create(
        page=page.address,
        edition_slug=page.edition_slug,
        article_number=page.article_number,
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"],
        language=page.language,
    )
    return HttpResponseSeeOther(f"{reverse('feedback:thanks')}?{urlencode({'page': page.address})}")


def render_form(request, page, errors, useful="", comment="", status=200):
    summary = [{"target": FIELD_IDS[name], "message": message} for name, found in errors.items() for message in found]
    context = {
        "page": page,
        "errors": summary,
        "field_errors": {name: found[0] for name, found in errors.items()},
        "useful": useful,
        "comment": comment,
    }
    return render(request, "feedback/form.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def thanks(request):
    # The same for everyone (it holds only the link back), so the page cache may keep it.
    return render(request, "feedback/thanks.html", {"page": find_page(request.GET.get("page", ""))})
