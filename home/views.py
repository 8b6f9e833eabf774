"""Site-wide error views, and each site's colours as a stylesheet."""

import sys

from django.contrib.sessions.exceptions import SessionInterrupted
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

#: Seconds a visitor (or a client) is asked to wait before trying again.
RETRY_AFTER = 30


def outage_errors():
    """Exceptions raised when the database, the file storage or the cache cannot be reached."""
    errors = [OperationalError, InterfaceError, ConnectionError, TimeoutError]
    try:
        from botocore.exceptions import BotoCoreError

        errors.append(BotoCoreError)
    except ImportError:  # no S3 storage installed
        pass
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        errors += [RedisConnectionError, RedisTimeoutError]
    except ImportError:  # no Redis cache installed
        pass
    return tuple(errors)


def caused_by_outage(error):
    """True when ``error``, or an exception it was raised from or while handling, is an outage."""
    outages = outage_errors()
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, outages):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def service_unavailable():
    """The 503 page: plain HTML (no database, no context), as nginx serves it too."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def server_error(request, template_name="500.html"):
    """Django's 500 view, or the 503 "try again" page when a service the site needs is unreachable.

    Called by Django while it handles the uncaught exception, so ``sys.exc_info()`` is
    that exception, wherever it was raised (a view, a template, a middleware).
    """
    if caused_by_outage(sys.exc_info()[1]):
        return service_unavailable()
    return defaults.server_error(request, template_name)


def bad_request(request, exception, template_name="400.html"):
    """Django's 400 view; the 503 page when saving the session failed but the session is still stored.

    Django's database session backend turns any database error on saving into "the session
    was deleted" (``SessionInterrupted``, a 400): an outage, or a connection a restarted
    database left half-open, where sending again works. Only when the session really is gone
    (its answers with it) does the visitor get the page saying so.
    """
    if caused_by_outage(exception):
        return service_unavailable()
    if isinstance(exception, SessionInterrupted):
        return service_unavailable() if session_still_stored(request) else session_lost(request)
    return defaults.bad_request(request, exception, template_name)


def session_still_stored(request):
    """Whether the request's session is still stored (True when the store cannot tell: try again)."""
    try:
        return request.session.exists(request.session.session_key)
    except DatabaseError:
        return True
    except Exception as error:
        if caused_by_outage(error):
            return True
        raise


def session_lost(request):
    """The page for a session deleted while its request ran: what it held is gone, say so."""
    return HttpResponse(loader.get_template("400_session.html").render(), status=400)


#: A year: the stylesheet's address carries the colours (``SiteSettings.theme_version``).
THEME_MAX_AGE = 365 * 24 * 3600


@require_safe
@cache_control(public=True, max_age=THEME_MAX_AGE)
def site_theme(request):
    """The colours of the request's site (``SiteSettings``) over the shared stylesheet.

    A stylesheet rather than a ``<style>`` element, so pages need no CSP nonce for it and
    stay in the page cache. The colours are validated as ``#rrggbb`` when saved.
    """
    from home.models import SiteSettings

    theme = SiteSettings.for_site(Site.find_for_request(request))
    rules = []
    if theme and theme.header_colour:
        rules.append(f".site-header {{ background: {theme.header_colour}; }}")
    if theme and theme.accent_colour:
        rules.append(f".site-header {{ border-bottom-color: {theme.accent_colour}; }}")
        rules.append(f'.primary-nav a[aria-current="page"] {{ border-bottom-color: {theme.accent_colour}; }}')
    return HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
