"""Email alerts (``/alerts/``): ask for one, confirm it from the email, unsubscribe with one click.

Every response is ``Cache-Control: private, no-store``. The request form is answered the same
way whether or not the address is already subscribed (the worker decides what to send), and
is rate-limited per client address.
"""

import django.forms
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from campaigns.models import CampaignPage
from forms import alerts, links, ratelimit
from forms.alert_tasks import request_alert
from forms.applicant_tasks import enqueue
from forms.fields import SummaryErrorsMixin

TEMPLATES = "application_forms/alerts/"
EVERY_PROGRAMME = "all"


class SeeOther(HttpResponseRedirect):
    status_code = 303


class AlertForm(SummaryErrorsMixin, django.forms.Form):
    email = django.forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=django.forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    programme = django.forms.ChoiceField(
        label=_("What should we email you about?"),
        widget=django.forms.RadioSelect,
        error_messages={
            "required": _("Choose a programme, or news of every programme"),
            "invalid_choice": _("Choose a programme, or news of every programme"),
        },
    )

    def __init__(self, *args, programmes=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["programme"]
        choices = [
            (str(page.pk), _("When applications open for %(title)s") % {"title": page.title})
            for page in programmes
        ]
        field.choices = [*choices, (EVERY_PROGRAMME, _("News of future cohorts of every programme"))]
        field.question_type = "radio"

    def programme_id(self):
        value = self.cleaned_data["programme"]
        return None if value == EVERY_PROGRAMME else int(value)


def live_programmes():
    """The live, public programmes in the page's language (the Welsh ones on the Welsh page)."""
    programmes = CampaignPage.objects.live().public().filter(locale=Locale.get_active())
    return list(programmes.order_by("title").only("pk", "title"))


def render(request, name, context=None, status=200):
    return TemplateResponse(request, f"{TEMPLATES}{name}.html", context or {}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """The request form (``?programme=<id>`` chooses the programme); a POST queues the confirmation."""
    programmes = live_programmes()
    if request.method != "POST":
        chosen = request.GET.get("programme", "")
        initial = chosen if chosen in {str(page.pk) for page in programmes} else EVERY_PROGRAMME
        return render(
            request, "subscribe", {"form": AlertForm(programmes=programmes, initial={"programme": initial})}
        )
    if not ratelimit.allow_alert_request(request):
        response = render(request, "rate_limited", status=429)
        response["Retry-After"] = str(ratelimit.retry_after())
        return response
    form = AlertForm(request.POST, programmes=programmes)
    if not form.is_valid():
        return render(request, "subscribe", {"form": form})
    enqueue(request_alert, form.cleaned_data["email"], form.programme_id(), get_language())
    return SeeOther(reverse("alerts:check_email"))


@never_cache
def check_email(request):
    return render(request, "check_email")


@never_cache
def confirm(request, token):
    try:
        subscription = alerts.subscription_from(links.LinkPurpose.CONFIRM_ALERT, token)
    except links.LinkInvalid as problem:
        return link_problem(request, problem)
    if subscription is None:
        return link_problem(request, links.LinkInvalid())
    alerts.confirm(subscription)
    return render(request, "confirmed", {"topic": alerts.topic(subscription)})


@csrf_exempt  # the signed token is the credential; mail programs' one-click POST has no CSRF token
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: one button (link checkers in mail programs must not unsubscribe anyone); POST: unsubscribes.

    A mail program's one-click unsubscribe (RFC 8058) POSTs here straight from the header.
    """
    try:
        subscription = alerts.subscription_from(links.LinkPurpose.UNSUBSCRIBE, token)
    except links.LinkInvalid as problem:
        return link_problem(request, problem)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return render(request, "unsubscribed")
    if subscription is None:
        return render(request, "unsubscribed")
    return render(request, "unsubscribe", {"topic": alerts.topic(subscription)})


def link_problem(request, problem):
    expired = isinstance(problem, links.LinkExpired)
    return render(request, "link_problem", {"expired": expired}, status=400)
