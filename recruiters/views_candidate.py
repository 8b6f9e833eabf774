"""The candidate's answer to an interest, on Your applications: share contact details or decline.

Reached only by the signed-in applicant for their own application (anyone else's is a 404),
and only while the profile is in the pool.
"""

from django.contrib import messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from forms import applicants
from forms.views_applicant import SeeOther, signed_in
from recruiters import interests
from recruiters.models import InterestState


def back(application):
    return SeeOther(reverse("applicants:application", args=[application.reference]) + "#interest")


def open_interest(email, reference, interest_id):
    application = applicants.application_of(email, reference)
    return application, interests.candidate_interest(application, interest_id)


@never_cache
@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def share(request, email, reference, interest_id):
    """GET: what sharing means; POST: shares the contact details with that organisation."""
    application, interest = open_interest(email, reference, interest_id)
    if interest.state != InterestState.WAITING:
        return back(application)
    if request.method != "POST":
        context = {"application": application, "interest": interest}
        return TemplateResponse(request, "recruiters/candidate_share.html", context)
    if interests.answer(interest, share=True):
        messages.success(request, f"You have shared your contact details with {interest.organisation}.")
    return back(application)


@never_cache
@signed_in
@require_POST
def decline(request, email, reference, interest_id):
    application, interest = open_interest(email, reference, interest_id)
    if interests.answer(interest, share=False):
        messages.success(
            request,
            f"You have declined {interest.organisation}'s interest. They will not get your contact details.",
        )
    return back(application)
