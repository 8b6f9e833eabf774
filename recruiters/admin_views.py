"""Staff's side in the Wagtail admin: the sign-ups to approve, and approving one.

Approving creates the recruiting organisation and its first recruiter, and emails the
recruiter a link to set a password. Only users who may add recruiting organisations
(``recruiters.add_recruitingorganisation``) see or use these views.
"""

from functools import wraps

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from campaigns.models import Council
from recruiters import invitations
from recruiters.forms import ApproveForm
from recruiters.models import ProfileAudit

PERMISSION = "recruiters.add_recruitingorganisation"
AUDIT_PERMISSION = "recruiters.view_profileaudit"
AUDIT_ROWS = 500


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with ``permission``."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def needs(permission, label):
    """Answers 403 (saying which permission is missing) unless the user holds ``permission``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not (request.user.is_active and request.user.has_perm(permission)):
                context = {"permission": label}
                return TemplateResponse(request, "reviews/permission_denied.html", context, status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


approver_only = needs(PERMISSION, "Can add recruiting organisation")


@needs(AUDIT_PERMISSION, "Can view profile audit")
def audit_view(request):
    """The latest views of pool profiles, interests, shares and declines, newest first."""
    rows = ProfileAudit.objects.select_related("organisation", "user")[:AUDIT_ROWS]
    return TemplateResponse(request, "recruiters/admin/audit.html", {"rows": rows, "limit": AUDIT_ROWS})


@approver_only
def signups_view(request):
    return TemplateResponse(
        request, "recruiters/admin/signups.html", {"signups": invitations.signups()[:200]}
    )


def initial_of(signup):
    name = invitations.organisation_name_of(signup)
    purpose = signup.page.specific_deferred.purpose
    return {
        "name": name,
        "kind": invitations.KIND_OF_PURPOSE[purpose],
        "council": Council.objects.filter(name__iexact=name).first(),
        "recruiter_name": signup.applicant_name,
        "recruiter_email": signup.applicant_email,
    }


@approver_only
@require_http_methods(["GET", "POST"])
def approve_view(request, signup_id):
    """GET: the organisation and recruiter from the sign-up, to check; POST: approve and invite."""
    signup = get_object_or_404(invitations.signups(), pk=signup_id)
    if hasattr(signup, "recruiting_organisation"):
        messages.error(request, f"Sign-up {signup.reference} is approved already.")
        return redirect("recruiters_signups")
    form = ApproveForm(request.POST if request.method == "POST" else None, initial=initial_of(signup))
    if request.method == "POST" and form.is_valid():
        try:
            recruiter = invitations.approve(signup, **form.cleaned_data)
        except invitations.EmailTaken:
            form.add_error("recruiter_email", "Another account already uses this email address.")
        else:
            messages.success(
                request,
                f"Approved {recruiter.organisation}: an invitation is queued to {recruiter.user.email}.",
            )
            return redirect("recruiters_signups")
    context = {"signup": signup, "form": form, "action": reverse("recruiters_approve", args=[signup.pk])}
    return TemplateResponse(request, "recruiters/admin/approve.html", context)
