"""Settings shared by every environment: the safe base.

Every value that differs between machines comes from the environment; each variable is
documented in the README and in `.env.example`.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    """Read a true/false environment variable ("1", "true", "yes", "on" are true; unset or blank
    is the default, so a blank line copied from .env.example never turns a protection off)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def require_env(name):
    """Return an environment variable or refuse to start without it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


INSTALLED_APPS = [
    "home",
    "campaigns",
    "forms",
    "reviews",
    "recruiters",
    "demo",
    "search",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before the CSP middleware: a cached page keeps the policy it was sent with.
    "home.page_cache.PageCacheMiddleware",
    "microsite.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the URL: /cy/… is Welsh; every other URL English (never the browser's choice).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the body: refuses an over-long application POST unread.
    "forms.middleware.RefuseOversizedApplications",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's site and page lookups for a path, from the site cache (home.route_cache).
    "home.route_cache.RouteCacheMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "microsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "microsite.wsgi.application"

# Database: SQLite beside the project unless DATABASE_URL names another (PostgreSQL).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes SQLite's write lock when it begins and others wait for it (up to
    # 20 s), so two requests writing at once never get "database is locked"; WAL lets reads
    # carry on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The admin sign-in goes through django-axes first, which refuses a locked-out user. Its
# AxesBackend (rather than AxesStandaloneBackend) can also load a signed-in user, which
# Wagtail's page test utilities need of the first backend.
AUTHENTICATION_BACKENDS = [
    # AxesBackend (a ModelBackend) first, so a session it signs in can load its user again.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After this many wrong passwords for one username from one address, that pair is locked
# out for ADMIN_LOGIN_LOCKOUT_MINUTES; each attempt while locked out starts the wait again
# (the lockout page says so); a successful sign-in clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ADMIN_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# The client's address as the application rate limit reads it (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "forms.ratelimit.client_address"
# Two-factor sign-in (TOTP) for admin users who can see applications (superusers and anyone
# with application_forms.view_application); others may turn it on for themselves.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = "Return to Work"

LANGUAGE_CODE = "en-gb"
# Pages and forms can be published in Welsh beside English (Wagtail's i18n): Welsh pages are
# under /cy/, English URLs have no prefix. Our own strings' Welsh is in locale/cy.
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Applicants' files: never under MEDIA_ROOT, never served directly.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

# Storage: two local folders by default; two S3 locations when AWS_STORAGE_BUCKET_NAME is set.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_STORAGE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", AWS_STORAGE_BUCKET_NAME)
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "eu-west-2")
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
# How long a signed URL for a private file stays valid, in seconds (at most 5 minutes).
PRIVATE_FILE_URL_EXPIRY = min(int(os.environ.get("PRIVATE_FILE_URL_EXPIRY", "300")), 300)

if AWS_STORAGE_BUCKET_NAME:
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                "location": "public",
                "default_acl": "public-read" if env_bool("AWS_PUBLIC_ACL", True) else None,
                "querystring_auth": False,
                "file_overwrite": False,
                "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            },
        },
        "private": {
            "BACKEND": "microsite.storages.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": PRIVATE_FILE_URL_EXPIRY,
                # Opened from a signed URL, a file downloads; it is never shown in the browser.
                "object_parameters": {"ContentDisposition": "attachment"},
                # Keys are random UUIDs made by the server, so no name check (a HEAD) per upload.
                "file_overwrite": True,
                "custom_domain": None,
            },
        },
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
    }
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Uploads: Django's defaults keep a hostile body from exhausting memory (form fields at most
# 2.5 MB in memory, larger files go to a temporary file); one file is at most this large.
APPLICATION_UPLOAD_MAX_BYTES = int(os.environ.get("APPLICATION_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Application POSTs accepted per window (seconds) from one applicant's session, and from one
# client address (shared by everyone behind it: a library, a council office); then a 429 page.
APPLICATION_RATE_LIMIT = int(os.environ.get("APPLICATION_RATE_LIMIT", "30"))
APPLICATION_RATE_LIMIT_PER_ADDRESS = int(os.environ.get("APPLICATION_RATE_LIMIT_PER_ADDRESS", "300"))
APPLICATION_RATE_LIMIT_WINDOW = int(os.environ.get("APPLICATION_RATE_LIMIT_WINDOW", "600"))
# Counted in the shared cache (Redis) when there is one, else in the database: never per process.
APPLICATION_RATE_LIMIT_CACHE = "default" if os.environ.get("REDIS_URL") else ""
# Email-alert requests (each may send a confirmation email) accepted per window from one address.
ALERT_RATE_LIMIT_PER_ADDRESS = int(os.environ.get("ALERT_RATE_LIMIT_PER_ADDRESS", "10"))
# Proxies in front of the app that append the client's address to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# A draft application (its answers in the session, its uploads in private storage) expires this
# many hours after its last change; `manage.py purge_expired_data` deletes it.
APPLICATION_DRAFT_HOURS = int(os.environ.get("APPLICATION_DRAFT_HOURS", "24"))
# How long a draft saved to come back to later is kept when its form has no closing time.
APPLICATION_SAVED_DRAFT_DAYS = int(os.environ.get("APPLICATION_SAVED_DRAFT_DAYS", "30"))
# Attempts the email task makes (1, 2, 4 … minutes apart) before leaving it to
# `manage.py retry_application_emails`.
APPLICATION_EMAIL_MAX_ATTEMPTS = int(os.environ.get("APPLICATION_EMAIL_MAX_ATTEMPTS", "6"))

# Optional virus scanning through clamd; fails closed when configured.
CLAMD_HOST = os.environ.get("CLAMD_HOST", "")
CLAMD_PORT = int(os.environ.get("CLAMD_PORT", "3310"))

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Return to Work <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (emails): the database backend, run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}


def cache_settings(redis_url):
    """Redis when REDIS_URL is set (shared by all app servers), else this process's memory."""
    if redis_url:
        return {"default": {"BACKEND": "microsite.cache.RedisCache", "LOCATION": redis_url}}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


CACHES = cache_settings(os.environ.get("REDIS_URL", ""))

# Page cache (home.page_cache): whole public pages for anonymous visitors, in the cache above;
# 0 turns it off. Browsers keep a page at most PAGE_CACHE_BROWSER_SECONDS, a CDN as long as we do.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# Query parameters a cached page may have (the programme list's filters); any other bypasses.
PAGE_CACHE_QUERY_PARAMETERS = frozenset({"profession", "region"})
# CDN purges on publish (wagtail.contrib.frontend_cache): off unless one is configured.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_INVALIDATOR_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_INVALIDATOR_URL"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Wagtail
WAGTAIL_SITE_NAME = "Return to Work"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"


def public_media_origins():
    """Origins that serve public media (images), beyond this site's own, for the CSP."""
    if AWS_S3_CUSTOM_DOMAIN:
        return [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    if AWS_S3_ENDPOINT_URL:
        return [AWS_S3_ENDPOINT_URL.rstrip("/")]
    if AWS_STORAGE_BUCKET_NAME:
        bucket, region = AWS_STORAGE_BUCKET_NAME, AWS_S3_REGION_NAME
        return [f"https://{bucket}.s3.amazonaws.com", f"https://{bucket}.s3.{region}.amazonaws.com"]
    return []


# Content-Security-Policy (django-csp): scripts only from this site or carrying the request's
# nonce, no plugins, no <base>, framed only by this site (Wagtail's preview), videos from
# YouTube and Vimeo. The Wagtail admin gets it report-only: microsite/csp.py, docs/security.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "img-src": [SELF, *public_media_origins()],
        "frame-src": [
            SELF,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Request bodies and answers never reach the logs: only method, path, status.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
