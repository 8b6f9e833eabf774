"""Your applications (``/your-applications/``): sign in with an emailed link, no password.

Every response is ``Cache-Control: private, no-store``. Signed in, the session holds the
verified address and every view reaches only applications made with it (anyone else's
reference, file or plan item is a 404). POSTs that send email are rate-limited per client.
"""

import functools

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from forms import applicant_tasks, applicants, links, pool, ratelimit
from forms.applicant_forms import NewEmailForm, PhoneForm, SignInForm
from forms.choices import PAGE_BREAK
from forms.files import file_response
from forms.forms_data import display_answer
from forms.models import ApplicationFile, ApplicationFormField, ApplicationStatus
from forms.models.pages import FieldSection

TEMPLATES = "application_forms/applicants/"


class SeeOther(HttpResponseRedirect):
    status_code = 303


def home_url():
    return reverse("applicants:home")


def render(request, name, context=None, status=200):
    return TemplateResponse(request, f"{TEMPLATES}{name}.html", context or {}, status=status)


def signed_in(view):
    """Passes the session's verified address to ``view``; without one, the sign-in page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        email = applicants.signed_in_email(request)
        if email is None:
            return SeeOther(home_url())
        return view(request, email, *args, **kwargs)

    return wrapper


def rate_limited(request):
    """The 429 page when this client has sent too many forms, else None (and counts this one)."""
    if ratelimit.allow(request):
        return None
    response = render(request, "rate_limited", status=429)
    response["Retry-After"] = str(ratelimit.retry_after())
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def home(request):
    """Signed in: every application. Otherwise: the sign-in form, answered the same for any address."""
    email = applicants.signed_in_email(request)
    if email is not None and request.method != "POST":
        return applications_page(request, email)
    if request.method != "POST":
        return render(request, "sign_in", {"form": SignInForm()})
    if refused := rate_limited(request):
        return refused
    form = SignInForm(request.POST)
    if not form.is_valid():
        return render(request, "sign_in", {"form": form})
    # The same work for a known and an unknown address: the worker decides whether to send.
    applicant_tasks.enqueue(applicant_tasks.send_sign_in_link, form.cleaned_data["email"])
    return SeeOther(reverse("applicants:check_email"))


def applications_page(request, email):
    applications = list(applicants.applications_of(email).select_related("programme"))
    wordings = applicants.wordings_for(applications)
    rows = [
        {"application": application, "wording": applicants.status_wording(application, wordings)}
        for application in applications
    ]
    context = {"email": email, "rows": rows, "phone": applicants.current_phone(email)}
    return render(request, "applications", context)


@never_cache
def check_email(request):
    return render(request, "check_email")


def opens_link(purpose):
    """Reads the view's signed ``token`` made for ``purpose`` and passes its payload on.

    An expired, changed or other-purpose link gets the "link does not work" page (400).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, token):
            try:
                payload = links.read_token(purpose, token)
            except links.LinkInvalid as problem:
                return link_problem(request, problem)
            return view(request, payload)

        return never_cache(wrapper)

    return decorator


def link_problem(request, problem):
    expired = isinstance(problem, links.LinkExpired)
    return render(request, "link_problem", {"expired": expired}, status=400)


@opens_link(links.LinkPurpose.SIGN_IN)
def sign_in_with_link(request, payload):
    """Opens a sign-in link: signs the session in as the link's address, then shows the applications."""
    applicants.sign_in(request, payload.get("email", ""))
    return SeeOther(home_url())


@never_cache
@require_POST
def sign_out(request):
    applicants.sign_out(request)
    messages.success(request, "You have signed out.")
    return SeeOther(home_url())


@never_cache
@signed_in
def application_detail(request, email, reference):
    """One application: status in plain words, answers (read-only), files, what the applicant can do."""
    application = applicants.application_of(email, reference)
    wordings = applicants.wordings_for([application])
    context = {
        "application": application,
        "wording": applicants.status_wording(application, wordings),
        "answers": answers_of(application),
        "files": list(application.files.order_by("pk")),
        "can_withdraw": applicants.can_withdraw(application),
        "pool": pool_state(application),
    }
    return render(request, "application", context)


def pool_state(application):
    """What the application page says about the talent pool (nothing when the form does not offer it)."""
    if not pool.offered(application):
        return None
    profile = pool.profile_of(application)
    return {
        "profile": profile,
        "in_pool": pool.is_in_pool(profile),
        "withdrawn": application.status == ApplicationStatus.WITHDRAWN,
        "months": pool.CONSENT_MONTHS,
    }


def answers_of(application):
    """(question, answer) for each question of the form (no files, no equality monitoring)."""
    data = application.form_data or {}
    fields = (
        ApplicationFormField.objects.filter(page_id=application.page_id)
        .exclude(section=FieldSection.EQUALITY)
        .exclude(field_type__in=["file", "hidden", PAGE_BREAK])
        .order_by("sort_order", "pk")
    )
    return [
        (field.label, display_answer(data.get(field.clean_name), field.field_type))
        for field in fields.only("label", "field_type", "clean_name")
    ]


@never_cache
@signed_in
def download_file(request, email, reference, file_id):
    """The applicant's own upload (their CV); anyone else's is a 404."""
    application = applicants.application_of(email, reference)
    application_file = get_object_or_404(ApplicationFile, pk=file_id, application=application)
    return file_response(application_file, application.reference)


@never_cache
@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, email, reference):
    """GET: "are you sure?"; POST: withdraws the application and goes back to it."""
    application = applicants.application_of(email, reference)
    detail = reverse("applicants:application", args=[application.reference])
    if not applicants.can_withdraw(application):
        messages.error(request, "This application can no longer be withdrawn.")
        return SeeOther(detail)
    if request.method != "POST":
        return render(request, "withdraw", {"application": application})
    try:
        applicants.withdraw(email, application.pk)
    except applicants.CannotWithdraw:
        messages.error(request, "This application can no longer be withdrawn.")
        return SeeOther(detail)
    messages.success(request, f"You have withdrawn application {application.reference}.")
    return SeeOther(detail)


@never_cache
@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def change_phone(request, email):
    current = applicants.current_phone(email)
    if current is None:
        return SeeOther(home_url())  # no form ever asked for a phone number
    if request.method != "POST":
        return render(request, "change_phone", {"form": PhoneForm(initial={"phone": current})})
    form = PhoneForm(request.POST)
    if not form.is_valid():
        return render(request, "change_phone", {"form": form})
    applicants.update_phone(email, form.cleaned_data["phone"])
    messages.success(request, "Your phone number has been changed.")
    return SeeOther(home_url())


@never_cache
@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def change_email(request, email):
    """Sends a confirmation link to the new address; nothing changes until it is opened."""
    if request.method != "POST":
        return render(request, "change_email", {"form": NewEmailForm(current_email=email), "email": email})
    if refused := rate_limited(request):
        return refused
    form = NewEmailForm(request.POST, current_email=email)
    if not form.is_valid():
        return render(request, "change_email", {"form": form, "email": email})
    new_email = form.cleaned_data["email"]
    applicant_tasks.enqueue(applicant_tasks.send_email_change_link, email, new_email)
    messages.success(
        request,
        f"We have sent a link to {new_email}. Your email address changes when you open it. "
        f"Until then we keep using {email}.",
    )
    return SeeOther(home_url())


@opens_link(links.LinkPurpose.CHANGE_EMAIL)
def confirm_email(request, payload):
    """Opens a new-address link: moves the applications to the new address and signs in with it."""
    old_email, new_email = payload.get("from", ""), payload.get("to", "")
    changed = applicants.change_email(old_email, new_email)
    if not changed and not applicants.has_applications(new_email):
        return link_problem(request, links.LinkInvalid())
    applicants.sign_in(request, new_email)
    messages.success(request, f"Your email address is now {new_email}.")
    return SeeOther(home_url())
