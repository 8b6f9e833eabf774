"""Local development: debug on, console email, a development-only secret key."""

import os

from .base import *  # noqa: F403
from .base import STORAGES, env_bool

DEBUG = True
# Development-only key: dev settings are never used in production (wsgi.py defaults to
# production, which refuses to start without SECRET_KEY).
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-not-for-production")  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Background tasks (emails, search indexing) run at once, so `make run` needs no worker;
# TASKS_BACKEND=django_tasks_db.DatabaseBackend tries the queue that production uses.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Two-factor sign-in for the admin only when asked for (production requires it by default).
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)

# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
