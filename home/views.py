"""Site-wide error views."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

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


def server_error(request, template_name="500.html"):
    """Django's 500 view, or a 503 "try again" page when a service the site needs is unreachable.

    Called by Django while it handles the uncaught exception, so ``sys.exc_info()`` is
    that exception, wherever it was raised (a view, a template, a middleware saving the
    session). The page is plain HTML (no database, no context), as nginx serves it too.
    """
    error = sys.exc_info()[1]
    if not isinstance(error, outage_errors()):
        return defaults.server_error(request, template_name)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
