"""Starting Django with the production settings in a subprocess, with a chosen environment.

The child never gets the test pass's database or storage variables, so it is the same in every
pass: the tests that use it are marked ``one_pass``.
"""

from tests.conftest import pass_free_env, run_python

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def read_settings(*names):
    """Code that prints the settings ``names`` as the settings module makes them, one a line.

    Without ``django.setup()``: reading a setting runs the whole settings module, and loading
    the apps (about 3 s of CPU) would change no value read here.
    """
    values = ", ".join(f"settings.{name}" for name in names)
    return f"from django.conf import settings; print({values}, sep=chr(10))"


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
    """This environment without the production variables nor the pass's own, plus ``env``."""
    dropped = REQUIRED | HSTS | OPTIONAL | TEST_ONLY
    clean = {key: value for key, value in pass_free_env().items() if key not in dropped}
    return {**clean, "DJANGO_SETTINGS_MODULE": "microsite.settings.production", **env}


def start_production(code=SETUP, **env):
    """Runs ``code`` after ``django.setup()``'s settings are read in a fresh process."""
    return run_python(["-c", code], production_env(**env))
