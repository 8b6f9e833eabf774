"""Production settings refuse to start without a secret key or allowed hosts."""

import os
import subprocess
import sys

from django.conf import settings

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def start_production(**env):
    clean = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(DJANGO_SETTINGS_MODULE="microsite.settings.production", **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", SETUP],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = start_production(ALLOWED_HOSTS="returners.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The environment variable SECRET_KEY must be set." in result.stderr


def test_production_refuses_to_start_with_a_blank_secret_key():
    result = start_production(SECRET_KEY="   ", ALLOWED_HOSTS="returners.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_production(SECRET_KEY="a-real-secret-from-the-environment")
    assert result.returncode != 0
    assert "The environment variable ALLOWED_HOSTS must be set." in result.stderr


def test_production_starts_with_both_and_debug_off():
    result = start_production(
        SECRET_KEY="a-real-secret-from-the-environment", ALLOWED_HOSTS="a.example,b.example"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_development_settings_run_tasks_at_once_so_make_run_needs_no_worker():
    # Wagtail indexes published pages in a background task: without a worker under
    # `make run`, search would find nothing.
    env = {key: value for key, value in os.environ.items() if key != "TASKS_BACKEND"}
    env["DJANGO_SETTINGS_MODULE"] = "microsite.settings.dev"
    code = "import django; django.setup(); from django.conf import settings; print(settings.TASKS)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "django_tasks.backends.immediate.ImmediateBackend" in result.stdout
