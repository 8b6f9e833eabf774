"""The lockout page (django-axes) and the two-factor pages: set up an app, enter a code."""

import math
from datetime import timedelta

from axes.helpers import get_cool_off
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import login as otp_login
from wagtail.admin import messages

from accounts.forms import CodeForm
from accounts.two_factor import (
    code_error,
    confirmed_device,
    device_being_set_up,
    grouped_secret,
    qr_code_svg,
    two_factor_required,
)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response: says when this username can sign in from here again.

    Each attempt while locked out starts the wait again (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT),
    so the wait runs from this attempt."""
    attempted_at = getattr(request, "axes_attempt_time", None) or timezone.now()
    unlocks_at = attempted_at + get_cool_off(request)
    seconds = math.ceil((unlocks_at - timezone.now()).total_seconds())
    context = {
        "title": "Sign-in paused",
        "retry_at": next_whole_minute(unlocks_at),
        "minutes": math.ceil(seconds / 60),
    }
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def next_whole_minute(moment):
    """``moment`` rounded up to the minute, so the time shown is never too early."""
    rounded = moment.replace(second=0, microsecond=0)
    return rounded if rounded == moment else rounded + timedelta(minutes=1)


def next_url(request):
    """Where to go once the code is accepted: ``next`` if it is on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def with_next(url_name, request):
    return f"{reverse(url_name)}?{urlencode({'next': next_url(request)})}"


def code_form(request, device):
    """The code form (bound on a POST), and whether its code verifies ``device``."""
    form = CodeForm(request.POST or None)
    if not form.is_valid():
        return form, False
    error = code_error(device, form.cleaned_data["code"])
    if error:
        form.add_error("code", error)
    return form, error is None


def setup_view(request):
    """Set up an authenticator app: its secret as text and as a QR code, confirmed by a first code."""
    user = request.user
    if confirmed_device(user):
        if not user.is_verified():
            return redirect(with_next("accounts_two_factor_verify", request))
        return render(request, "accounts/two_factor_on.html", {"title": "Two-factor sign-in is on"})
    device = device_being_set_up(user)
    form, accepted = code_form(request, device)
    if accepted:
        turn_on(request, device)
        return redirect(next_url(request))
    context = {
        "title": "Set up two-factor sign-in",
        "form": form,
        "next": next_url(request),
        "required": two_factor_required(user),
        "secret": grouped_secret(device),
        "setup_address": device.config_url,
        "qr_code": qr_code_svg(device),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def turn_on(request, device):
    """Confirms the app the user has just shown they hold; this sign-in counts as verified."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    messages.success(request, "Two-factor sign-in is on: we will ask for a code each time you sign in.")


def verify_view(request):
    """Ask for the code from the user's authenticator app after their password."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect(with_next("accounts_two_factor_setup", request))
    if request.user.is_verified():
        return redirect(next_url(request))
    form, accepted = code_form(request, device)
    if accepted:
        otp_login(request, device)
        return redirect(next_url(request))
    context = {"title": "Enter your code", "form": form, "next": next_url(request)}
    return render(request, "accounts/two_factor_verify.html", context)
