"""Production: the safe base. Refuses to start without a secret key, allowed hosts or the
site's address for links in emails."""

import os

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import URLValidator

from .base import *  # noqa: F403
from .base import env_bool, env_list, require_env


def require_url(name):
    """Return an environment variable that must be an http(s) address, or refuse to start."""
    value = require_env(name)
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError as error:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be an address such as https://returners.example.org."
        ) from error
    return value.rstrip("/")


SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Links in the team's emails point here: without it they would point at 127.0.0.1.
WAGTAILADMIN_BASE_URL = require_url("WAGTAILADMIN_BASE_URL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
