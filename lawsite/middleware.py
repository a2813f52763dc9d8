"""Small response policies: the Content Security Policy, keeping the admin out of search engines,
and the methods public pages answer."""

from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.shortcuts import render


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


class PublicMethodsMiddleware:
    """Public pages are for reading: GET and HEAD. OPTIONS answers which methods are allowed; any
    other method gets the site's own 405 page in the visitor's language, before the CSRF check
    could answer with Django's bare English page. Placed after LocaleMiddleware (the language)."""

    ALLOWED = "GET, HEAD, OPTIONS"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .caching import is_public_path

        if request.method in ("GET", "HEAD") or not is_public_path(request.path):
            return self.get_response(request)
        options = request.method == "OPTIONS"
        response = HttpResponse(status=204) if options else render(request, "405.html", status=405)
        response["Allow"] = self.ALLOWED
        return response
