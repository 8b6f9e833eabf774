"""Signed links sent by email: each made for one purpose only and valid for 24 hours (or, for a
link back to a saved application, for as long as the saved draft it names exists).

Built on Django's signing (``signing.dumps`` with a timestamp): the payload is readable by
whoever holds the link but cannot be changed without ``SECRET_KEY``, and each purpose has
its own salt, so a link made for one purpose (confirming a new email address) never
works for another (signing in). Applicants are not Django users, which is why this is not
django-sesame (it signs a user's id and logs the user in).
"""

import datetime as dt

from django.core import signing
from django.db import models

LINK_LIFETIME = dt.timedelta(hours=24)


class LinkPurpose(models.TextChoices):
    SIGN_IN = "sign-in", "Sign in to your applications"
    CHANGE_EMAIL = "change-email", "Confirm a new email address"
    RESUME = "resume", "Come back to a saved application"
    CONFIRM_ALERT = "confirm-alert", "Confirm an email alert"
    # Lives as long as the subscription: every alert carries one.
    UNSUBSCRIBE = "unsubscribe", "Stop email alerts"


#: Purposes whose links live as long as the row they name, not LINK_LIFETIME.
LIFETIME_OF_ROW = {LinkPurpose.RESUME, LinkPurpose.UNSUBSCRIBE}


class LinkInvalid(Exception):
    """The link was changed, cut short or made for another purpose."""


class LinkExpired(LinkInvalid):
    """The link was genuine but is older than LINK_LIFETIME."""


def salt(purpose):
    return f"application_forms.link.{LinkPurpose(purpose).value}"


def make_token(purpose, payload):
    """A URL-safe token carrying ``payload`` (a dict) for ``purpose``, stamped with the time."""
    return signing.dumps(payload, salt=salt(purpose), compress=True)


def read_token(purpose, token):
    """The payload of a token made for ``purpose`` in the last 24 hours, else LinkInvalid/LinkExpired.

    A purpose in ``LIFETIME_OF_ROW`` has no time limit here: its caller checks that the row
    the payload names still exists (the purge deletes it when it expires).
    """
    max_age = None if purpose in LIFETIME_OF_ROW else LINK_LIFETIME
    try:
        payload = signing.loads(token, salt=salt(purpose), max_age=max_age)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except (signing.BadSignature, ValueError, UnicodeDecodeError):
        raise LinkInvalid from None
    if not isinstance(payload, dict):
        raise LinkInvalid
    return payload
