"""Sends an admin user who must (or chose to) use two-factor sign-in to set it up or to
enter a code, before any other admin page."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts.two_factor import confirmed_device, two_factor_required

# Pages a signed-in user may reach before the second step, by the step they are on: the
# step's page, sign-out, and the admin's translations and icons those pages load.
ALWAYS_OPEN = {"wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite"}
OPEN_BEFORE_CODE = {"accounts_two_factor_verify", *ALWAYS_OPEN}
OPEN_BEFORE_SETUP = {"accounts_two_factor_setup", *ALWAYS_OPEN}


class TwoFactorMiddleware:
    """Needs django_otp's OTPMiddleware before it (for ``request.user.is_verified``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return second_step_redirect(request) or self.get_response(request)


def second_step_redirect(request):
    """A redirect to the two-factor page this request must go through first, or None."""
    user = request.user
    if not user.is_authenticated or not request.path.startswith(reverse("wagtailadmin_home")):
        return None
    if user.is_verified():
        return None
    if confirmed_device(user):
        return redirect_unless_open(request, "accounts_two_factor_verify", OPEN_BEFORE_CODE)
    if two_factor_required(user):
        return redirect_unless_open(request, "accounts_two_factor_setup", OPEN_BEFORE_SETUP)
    return None


def redirect_unless_open(request, url_name, open_names):
    if request.path in {reverse(name) for name in open_names}:
        return None
    return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")
