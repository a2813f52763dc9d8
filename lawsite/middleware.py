"""Small response policies: the Content Security Policy, and keeping the admin out of search engines."""

from csp.middleware import CSPMiddleware


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
