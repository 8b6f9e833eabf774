"""Production settings refuse to start without a secret key, allowed hosts or the site's
address, and pass Django's deployment checks."""

import pytest

from tests.conftest import pass_free_env, run_python

from .production import COMPLETE, production_env, read_settings, start_production

pytestmark = pytest.mark.one_pass


def test_production_refuses_to_start_without_secret_key():
    result = start_production(
        ALLOWED_HOSTS="returners.example.org", WAGTAILADMIN_BASE_URL="https://r.example"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The environment variable SECRET_KEY must be set." in result.stderr


def test_production_refuses_to_start_with_a_blank_secret_key():
    result = start_production(SECRET_KEY="   ", ALLOWED_HOSTS="returners.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_production(
        SECRET_KEY="a-real-secret-from-the-environment", WAGTAILADMIN_BASE_URL="https://r.example"
    )
    assert result.returncode != 0
    assert "The environment variable ALLOWED_HOSTS must be set." in result.stderr


def test_production_refuses_to_start_without_the_sites_address_for_email_links():
    # Without it, links in the team's emails would point at http://127.0.0.1:8000.
    result = start_production(SECRET_KEY="a-real-secret", ALLOWED_HOSTS="returners.example.org")
    assert result.returncode != 0
    assert "The environment variable WAGTAILADMIN_BASE_URL must be set." in result.stderr


def test_production_refuses_a_sites_address_that_is_not_a_web_address():
    result = start_production(**{**COMPLETE, "WAGTAILADMIN_BASE_URL": "returners.example.org"})
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be an address such as https://" in result.stderr


def test_production_starts_with_all_three_and_debug_off():
    result = start_production(**{**COMPLETE, "ALLOWED_HOSTS": "a.example,b.example"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_passes_the_deployment_checks_at_warning_level():
    # As production runs: PostgreSQL (never connected to by the checks) and media on S3.
    deployment = {"DATABASE_URL": "postgres://rtw@db.invalid/rtw", "AWS_STORAGE_BUCKET_NAME": "rtw-media"}
    check = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = run_python(check, production_env(**COMPLETE, **deployment))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


HSTS_SETTINGS = read_settings("SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD")


def test_hsts_covers_subdomains_and_asks_for_preloading_unless_turned_off():
    on = start_production(code=HSTS_SETTINGS, **COMPLETE)
    assert on.returncode == 0, on.stderr
    assert on.stdout.split() == ["True", "True"]
    off = start_production(
        code=HSTS_SETTINGS,
        **COMPLETE,
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_HSTS_PRELOAD="false",
    )
    assert off.stdout.split() == ["False", "False"]


def test_two_factor_sign_in_is_required_in_production_even_with_a_blank_variable():
    code = read_settings("ADMIN_2FA_REQUIRED")
    assert start_production(code=code, **COMPLETE).stdout.strip() == "True"
    assert start_production(code=code, **COMPLETE, ADMIN_2FA_REQUIRED="").stdout.strip() == "True"
    assert start_production(code=code, **COMPLETE, ADMIN_2FA_REQUIRED="false").stdout.strip() == "False"


def test_development_settings_run_tasks_at_once_so_make_run_needs_no_worker():
    # Wagtail indexes published pages in a background task: without a worker under
    # `make run`, search would find nothing.
    env = {key: value for key, value in pass_free_env().items() if key != "TASKS_BACKEND"}
    env["DJANGO_SETTINGS_MODULE"] = "microsite.settings.dev"
    result = run_python(["-c", read_settings("TASKS")], env)
    assert result.returncode == 0, result.stderr
    assert "django_tasks.backends.immediate.ImmediateBackend" in result.stdout
