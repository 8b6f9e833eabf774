"""Background task sending an application's emails, retried until they go.

Production runs ``manage.py db_worker`` (django-tasks' database backend): a failed send
re-enqueues the task with a growing delay (1, 2, 4 … minutes) up to
``APPLICATION_EMAIL_MAX_ATTEMPTS``; after that ``manage.py retry_application_emails``
(run from cron) picks up anything still unsent. Each email is sent once: the time it went
is recorded, so a retry only sends what failed. The record is tried again while the database
is unreachable (a restart), since an email sent but not recorded would be sent again. Each
email has a fixed Message-ID, so the one resend that can still happen (the worker killed
between the server accepting an email and its record) is the same message, not a new one.
"""

import datetime as dt
import logging
import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from forms import emails

logger = logging.getLogger(__name__)


def enqueue_application_emails(application_id):
    """Queues the emails after the application is committed; never fails the request."""
    try:
        send_application_emails.enqueue(application_id)
    except Exception as error:  # the retry command sends it later
        logger.warning("Could not queue emails for application %s: %s", application_id, type(error).__name__)


@task()
def send_application_emails(application_id, attempt=1):
    """Sends the confirmation and the notification that have not gone yet; schedules a retry on failure."""
    from forms.models import Application

    application = Application.objects.select_related("page", "programme").filter(pk=application_id).first()
    if application is None:
        return "missing"
    errors = []
    if application.applicant_email and not application.confirmation_sent_at:
        send_one(application, "confirmation_sent_at", emails.applicant_confirmation, errors)
    if emails.team_addresses(application.page.specific) and not application.notification_sent_at:
        send_one(application, "notification_sent_at", emails.team_notification, errors)
    if not errors:
        return "sent"
    Application.objects.filter(pk=application_id).update(
        email_attempts=F("email_attempts") + 1, email_error=errors[-1][:200]
    )
    schedule_retry(application_id, attempt)
    return "retrying"


def send_one(application, sent_field, build, errors):
    """Sends one email (its Message-ID fixed by ``forms.emails``), recorded before the connection closes.

    Recording before the SMTP ``QUIT`` leaves one database update between the server taking
    the email and its record. A worker killed inside that gap sends the email again on retry,
    with the same Message-ID (SMTP cannot tell a sender whether it already has a message).
    """
    message = build(application)
    connection = message.get_connection()
    try:
        connection.open()
        connection.send_messages([message])
    except Exception as error:
        errors.append(type(error).__name__)
        logger.warning(
            "Sending %s for application %s failed: %s", sent_field, application.pk, type(error).__name__
        )
        close_quietly(connection)
        return
    try:
        record_sent(application.pk, sent_field)
    finally:
        close_quietly(connection)


def close_quietly(connection):
    """Closes the SMTP connection; the email's fate is already known, so a failing QUIT changes nothing."""
    try:
        connection.close()
    except Exception as error:
        logger.info("Closing the SMTP connection failed: %s", type(error).__name__)


#: Seconds between tries at recording a sent email (about a minute in all, for a restart).
RECORD_WAITS = (1, 2, 4, 8, 15, 30)


def record_sent(application_id, sent_field):
    """Records the time an email went, trying again (on a new connection) while the database is away."""
    from forms.models import Application

    for wait in (*RECORD_WAITS, None):
        try:
            Application.objects.filter(pk=application_id).update(**{sent_field: timezone.now()})
            return
        except DatabaseError as error:
            if wait is None:
                raise
            logger.warning(
                "Recording %s for application %s failed (%s); trying again in %s s",
                sent_field,
                application_id,
                type(error).__name__,
                wait,
            )
        if not connection.in_atomic_block:  # a broken connection is replaced by the next query
            connection.close_if_unusable_or_obsolete()
        time.sleep(wait)


def retry_delay(attempt):
    return dt.timedelta(minutes=2 ** (attempt - 1))


def schedule_retry(application_id, attempt):
    """Enqueues the next attempt: delayed where the backend can, at once where it cannot."""
    if attempt >= settings.APPLICATION_EMAIL_MAX_ATTEMPTS:
        logger.warning(
            "Giving up sending emails for application %s after %s attempts", application_id, attempt
        )
        return
    retry = send_application_emails
    if retry.get_backend().supports_defer:
        retry = retry.using(run_after=timezone.now() + retry_delay(attempt))
    retry.enqueue(application_id, attempt=attempt + 1)


@task()
def purge_expired_data():
    """The daily purge, for the worker (``manage.py purge_expired_data --enqueue`` queues it)."""
    from forms.retention import purge

    run = purge()
    return run.counts
