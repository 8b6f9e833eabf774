"""The Content-Security-Policy header (django-csp): the whole policy on the public site; in
the Wagtail admin only the parts Wagtail keeps to are enforced, and the whole policy is sent
report-only.

Wagtail 8's admin runs inline scripts (the page explorer, the page editor, inline panels,
date pickers) and its editor bundle adds inline styles and scripts, all of which the whole
policy blocks; docs/security.md lists what broke.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.urls import reverse

# Directives the Wagtail admin keeps to: no plugins, no <base>, framed only by this site (the
# preview), forms sent only to this site.
ADMIN_ENFORCED = ("object-src", "base-uri", "frame-ancestors", "form-action")


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with the admin's policy split as the module docstring says."""

    def get_policy_parts(self, request, response, report_only=False):
        """Overridden to give admin pages their own enforced and report-only policies."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return parts
        directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if report_only:
            return PolicyParts(config=directives, nonce=parts.nonce)
        return PolicyParts(config={name: directives[name] for name in ADMIN_ENFORCED})
