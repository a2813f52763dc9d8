"""Small response policies: the Content Security Policy, keeping the admin out of search engines,
and the methods public pages answer."""

from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; the admin's own templates need inline style attributes, nothing more."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/") and not report_only:
            parts.replace = {**(parts.replace or {}), "style-src": ["'self'", "'unsafe-inline'"]}
        return parts


class NoIndexAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


def takes_posted_forms(view):
    """Mark a public view whose page is a form sent with POST (CSRF-protected, never cached): the one
    exception PublicMethodsMiddleware makes to "public pages are for reading"."""
    view.takes_posted_forms = True
    return view


def view_takes_posted_forms(request) -> bool:
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return getattr(match.func, "takes_posted_forms", False)


class PublicMethodsMiddleware:
    """Public pages are for reading: GET and HEAD (and POST where a view says it takes a form, see
    `takes_posted_forms`). OPTIONS answers which methods are allowed; any other method gets the
    site's own 405 page in the visitor's language, before the CSRF check could answer with Django's
    bare English page. Placed after LocaleMiddleware (the language)."""

    ALLOWED = "GET, HEAD, OPTIONS"
    ALLOWED_WITH_POST = "GET, HEAD, POST, OPTIONS"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .caching import is_public_path

        if request.method in ("GET", "HEAD") or not is_public_path(request.path):
            return self.get_response(request)
        takes_forms = view_takes_posted_forms(request)
        if request.method == "POST" and takes_forms:
            return self.get_response(request)
        options = request.method == "OPTIONS"
        response = HttpResponse(status=204) if options else render(request, "405.html", status=405)
        response["Allow"] = self.ALLOWED_WITH_POST if takes_forms else self.ALLOWED
        return response
