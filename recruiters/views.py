"""The recruiter area (``/recruiters/``): sign in, search the pool, read profiles, express interest.

Not the Wagtail admin: recruiters are users without admin access. Every response is
``Cache-Control: private, no-store``. A recruiter reaches only searchable profiles and only
their own organisation's interests (anything else is a 404); contact details only once the
candidate shared them.
"""

import functools

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from recruiters import interests, invitations, search
from recruiters.forms import InterestForm, OutcomeForm, SearchForm, SetPasswordForm, SignInForm
from recruiters.models import Recruiter

PAGE_SIZE = 20


class SeeOther(HttpResponseRedirect):
    status_code = 303


def render(request, name, context=None, status=200):
    return TemplateResponse(request, f"recruiters/{name}.html", context or {}, status=status)


def recruiter_of(user):
    """The user's membership of an active organisation, or None."""
    if not user.is_authenticated:
        return None
    return (
        Recruiter.objects.select_related("organisation").filter(user=user, organisation__active=True).first()
    )


def recruiter_required(view):
    """Passes the signed-in recruiter to ``view``; anyone else goes to the recruiter sign-in."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        recruiter = recruiter_of(request.user)
        if recruiter is None:
            return redirect_to_login(request.get_full_path(), reverse("recruiters:sign_in"))
        return view(request, recruiter, *args, **kwargs)

    return never_cache(wrapper)


@method_decorator(never_cache, name="dispatch")
class SignInView(auth_views.LoginView):
    """Django's sign-in (django-axes counts failures, as for the admin), for recruiters only."""

    template_name = "recruiters/sign_in.html"
    authentication_form = SignInForm
    next_page = reverse_lazy("recruiters:search")


class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy("recruiters:sign_in")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def set_password(request, uidb64, token):
    """The invitation link: choose a password (the link then stops working), then sign in."""
    user = invitations.user_from_link(uidb64, token)
    if user is None:
        return render(request, "link_problem", status=400)
    form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "set_password", {"form": form, "email": user.email})
    form.save()
    messages.success(request, "Your password is set. Sign in with your email address and new password.")
    return SeeOther(reverse("recruiters:sign_in"))


@recruiter_required
@require_http_methods(["GET", "HEAD"])
def search_view(request, recruiter):
    """The search form and one page of matching profiles (a fixed number of queries per page)."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "recruiter": recruiter, "results": None}
    if form.is_bound and form.is_valid():
        rows = search.search(**form.cleaned_data)
        number = search.page_number(request.GET.get("page"))
        context["results"] = search.results_page(rows, number, PAGE_SIZE)
        context["query"] = request.GET.copy()
        context["query"].pop("page", None)
    return render(request, "search", context)


@recruiter_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request, recruiter, profile_id):
    """A limited profile (audited); POST expresses the organisation's interest with a message."""
    candidate, interest = interests.view_profile(recruiter, profile_id)
    form = InterestForm(request.POST if request.method == "POST" and interest is None else None)
    if request.method == "POST" and interest is None and form.is_valid():
        try:
            interest = interests.express_interest(recruiter, candidate, form.cleaned_data["message"])
        except interests.AlreadyInterested:
            messages.error(
                request, f"{recruiter.organisation} has already expressed interest in this candidate."
            )
            return SeeOther(request.path)
        messages.success(
            request, "We will email the candidate. They will see your message when they sign in."
        )
        return SeeOther(reverse("recruiters:interest", args=[interest.pk]))
    context = {"candidate": candidate, "interest": interest, "form": form, "recruiter": recruiter}
    return render(request, "profile", context)


@recruiter_required
def interest_list(request, recruiter):
    rows = interests.organisation_interests(recruiter.organisation)
    return render(request, "interests", {"interests": rows, "recruiter": recruiter})


@recruiter_required
@require_http_methods(["GET", "HEAD", "POST"])
def interest_detail(request, recruiter, interest_id):
    """The organisation's own interest: the candidate's answer, their contact details once shared
    (each view audited) and the outcome."""
    interest = interests.organisation_interest(recruiter.organisation, interest_id)
    form = OutcomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not interest.is_shared:
            messages.error(
                request, "You can record an outcome once the candidate has shared their contact details."
            )
            return SeeOther(request.path)
        if form.is_valid():
            interests.record_outcome(recruiter, interest, form.cleaned_data["outcome"])
            messages.success(request, "The outcome has been saved.")
            return SeeOther(request.path)
    context = {
        "interest": interest,
        "contact": interests.contact_details(recruiter, interest),
        "form": form,
        "recruiter": recruiter,
    }
    return render(request, "interest", context)
