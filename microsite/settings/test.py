"""Tests: fast hashing, in-memory email, tasks run at once, plain static files."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import AWS_STORAGE_BUCKET_NAME, STORAGES

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Each test run has its own media folder (two runs sharing one deleted each other's files);
# the variable carries it to the subprocesses a run starts.
if not os.environ.get("TEST_MEDIA_ROOT"):
    os.environ["TEST_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="rtw-test-media-")
MEDIA_ROOT = Path(os.environ["TEST_MEDIA_ROOT"])
PRIVATE_MEDIA_ROOT = MEDIA_ROOT / "private"
if "private" in STORAGES and "OPTIONS" in STORAGES["private"] and not AWS_STORAGE_BUCKET_NAME:
    STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
APPLICATION_RATE_LIMIT_CACHE = ""  # rate limits count in the test database
# Two-factor sign-in is off unless a test turns it on.
ADMIN_2FA_REQUIRED = False

# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
