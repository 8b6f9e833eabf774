"""Registers the two-factor pages and the link to them on the user's account page."""

from django.urls import path, reverse
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("two-factor/setup/", views.setup_view, name="accounts_two_factor_setup"),
        path("two-factor/verify/", views.verify_view, name="accounts_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": "Two-factor sign-in",
        "help_text": "Ask for a code from an authenticator app on your phone each time you sign in.",
    }
