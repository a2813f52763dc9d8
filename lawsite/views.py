"""Error pages in the visitor's language, with no dependency on the database for the 500 page."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation


def language_from_path(path):
    codes = {code for code, _name in settings.LANGUAGES}
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in codes else settings.LANGUAGE_CODE


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def robots_txt(request):
    return HttpResponse("User-agent: *\nDisallow: /admin/\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    # Kept minimal on purpose: no context processors, no database, nothing that can fail again.
    with translation.override(language_from_path(request.path)):
        html = loader.get_template("500.html").render({"LANGUAGE_CODE": translation.get_language()})
    return HttpResponseServerError(html)
