"""Starting Django with the production settings in a subprocess, with a chosen environment."""

import os

from tests.conftest import run_python

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
REQUIRED = {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"}
HSTS = {"SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_SSL_REDIRECT"}
OPTIONAL = {"REDIS_URL", "ADMIN_2FA_REQUIRED"}
# Set by the browser fixture for the live server; never in a deployment (async.E001).
TEST_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}
COMPLETE = {
    "SECRET_KEY": "a-real-secret-from-the-environment-long-enough-for-the-deployment-check",
    "ALLOWED_HOSTS": "returners.example.org",
    "WAGTAILADMIN_BASE_URL": "https://returners.example.org",
}


def production_env(**env):
    """This environment without the production variables, plus ``env``."""
    clean = {
        key: value for key, value in os.environ.items() if key not in REQUIRED | HSTS | OPTIONAL | TEST_ONLY
    }
    return {**clean, "DJANGO_SETTINGS_MODULE": "microsite.settings.production", **env}


def start_production(code=SETUP, **env):
    """Runs ``code`` after ``django.setup()``'s settings are read in a fresh process."""
    return run_python(["-c", code], production_env(**env))
