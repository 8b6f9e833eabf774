"""The talent pool on Your applications (``/your-applications/<reference>/talent-pool/``).

Offered only for applications whose form offers the pool and that are not withdrawn.
Joining needs the explicit, unticked consent question; renewing gives another
``CONSENT_MONTHS``; leaving (confirmed) takes the profile out of every search at once.
"""

from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from forms import applicants, pool
from forms.applicant_forms import PoolProfileForm
from forms.models import ApplicationStatus
from forms.views_applicant import SeeOther, render, signed_in


def pool_application(email, reference):
    """The applicant's application if it may be in the pool; 404 otherwise."""
    application = applicants.application_of(email, reference)
    if application.status == ApplicationStatus.WITHDRAWN or not pool.offered(application):
        raise Http404
    return application


def application_url(application):
    return reverse("applicants:application", args=[application.reference]) + "#talent-pool"


@never_cache
@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request, email, reference):
    """Join the pool (with consent) or change the profile while in it."""
    application = pool_application(email, reference)
    current = pool.profile_of(application)
    joining = not pool.is_in_pool(current)
    data = request.POST if request.method == "POST" else None
    form = PoolProfileForm(data, instance=current, joining=joining)
    if request.method != "POST" or not form.is_valid():
        return render(request, "pool_profile", {"application": application, "form": form, "joining": joining})
    details = {name: form.cleaned_data[name] for name in PoolProfileForm.Meta.fields}
    pool.save_profile(application, form.cleaned_data["regions"], details, consent=joining)
    messages.success(
        request, "You have joined the talent pool." if joining else "Your talent pool profile has been saved."
    )
    return SeeOther(application_url(application))


@never_cache
@signed_in
@require_POST
def renew(request, email, reference):
    application = pool_application(email, reference)
    if pool.profile_of(application) is None:
        raise Http404
    pool.renew(application)
    messages.success(request, f"You are in the talent pool for another {pool.CONSENT_MONTHS} months.")
    return SeeOther(application_url(application))


@never_cache
@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def leave(request, email, reference):
    """GET: "are you sure?"; POST: leaves the pool at once."""
    application = pool_application(email, reference)
    if not pool.is_in_pool(pool.profile_of(application)):
        return SeeOther(application_url(application))
    if request.method != "POST":
        return render(request, "pool_leave", {"application": application})
    pool.leave(application)
    messages.success(request, "You have left the talent pool: your profile is no longer in it.")
    return SeeOther(application_url(application))
