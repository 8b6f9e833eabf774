from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Admin sign-in: the lockout page after repeated failures and two-factor sign-in."""

    name = "accounts"
    verbose_name = "Admin sign-in"
